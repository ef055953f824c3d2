using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SafetyCert.Host.Tests.Support;

/// <summary>Keeps every log entry with its structured values, so tests can wait for what the runtime reports.</summary>
public sealed class LogCollector : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<LogEntry> entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        entries.Enqueue(new LogEntry(eventId.Id, formatter(state, exception), values.ToDictionary(v => v.Key, v => v.Value), exception));
    }

    /// <summary>Waits (a few real seconds at most) for an entry with this event id and occurrence.</summary>
    public async Task<LogEntry> WaitForAsync(int eventId, DateTimeOffset occurrence) =>
        await WaitForAsync(e => e.EventId == eventId && Equals(e.Values.GetValueOrDefault("Occurrence"), occurrence), $"event {eventId} for {occurrence:o}");

    public async Task<LogEntry> WaitForAsync(Func<LogEntry, bool> match, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (entries.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No log entry for {what}. Logged:\n{string.Join('\n', entries.Select(e => e.Message))}");
    }

    public void Dispose()
    {
    }
}
