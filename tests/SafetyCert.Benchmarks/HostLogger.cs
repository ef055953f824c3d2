using Microsoft.Extensions.Logging;

namespace SafetyCert.Benchmarks;

/// <summary>One category of <see cref="HostLog"/>; formats a message only for a warning or an error.</summary>
internal sealed class HostLogger(HostLog log, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        log.Write(category, logLevel, eventId, state as IReadOnlyList<KeyValuePair<string, object?>>, () => formatter(state, exception) + (exception is null ? "" : $" [{exception.GetType().Name}: {exception.Message}]"));
    }
}
