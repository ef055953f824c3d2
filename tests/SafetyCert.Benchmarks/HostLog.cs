using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SafetyCert.Benchmarks;

/// <summary>
/// The host's log, kept off the console: counts its warnings and errors by source and event (with the first message
/// of each), and the few structured events the benchmark times by: e-mails the sender handed to SMTP, rate-limit
/// deferrals, and what each run of the timer sweep fired.
/// </summary>
internal sealed class HostLog : ILoggerProvider
{
    private const string SenderCategory = "SafetyCert.Functions.Notifications.NotificationSender";
    private const string SweepCategory = "SafetyCert.Functions.Workflows.TimerSweepFunction";
    private readonly ConcurrentDictionary<string, (int Count, string First)> problems = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<int> sweeps = new();
    private readonly ConcurrentDictionary<string, int> discarded = new(StringComparer.Ordinal);
    private long mailsSent;
    private long deferred;

    /// <summary>E-mails SMTP accepted (NotificationSender event 4006, outcome Sent).</summary>
    public long MailsSent => Interlocked.Read(ref mailsSent);

    /// <summary>Deliveries put back by the SMTP rate limit (event 4005).</summary>
    public long Deferred => Interlocked.Read(ref deferred);

    /// <summary>What each run of <c>TimerSweep</c> reported firing (and confirming), in order.</summary>
    public IReadOnlyList<int> Sweeps => [.. sweeps];

    public IReadOnlyDictionary<string, (int Count, string First)> Problems => problems;

    /// <summary>
    /// Events Durable discarded ("No such instance": raised before a start was processed, during a ContinueAsNew, or to
    /// an instance that does not exist), by instance id without its digits (<c>certificate:ov</c>, <c>bare:ov</c>…).
    /// </summary>
    public IReadOnlyDictionary<string, int> Discarded => discarded;

    public void ClearProblems() => problems.Clear();

    public ILogger CreateLogger(string categoryName) => new HostLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal void Write(string category, LogLevel level, EventId eventId, IReadOnlyList<KeyValuePair<string, object?>>? state, Func<string> message)
    {
        if (category == SenderCategory && eventId.Id == 4006 && Value(state, "Outcome") == "Sent")
        {
            Interlocked.Increment(ref mailsSent);
        }
        else if (category == SenderCategory && eventId.Id == 4005)
        {
            Interlocked.Increment(ref deferred);
        }
        else if (category == SweepCategory && eventId.Id == 1 && int.TryParse(Value(state, "Fired"), out var fired))
        {
            sweeps.Enqueue(fired);
        }

        if (eventId.Name == "DiscardingWorkItem")
        {
            var id = message().Split(": ", 2)[0];
            discarded.AddOrUpdate(id.TrimEnd("0123456789".ToCharArray()), 1, (_, n) => n + 1);
        }

        if (level >= LogLevel.Warning)
        {
            var key = $"{level} {category.Split('.')[^1]} {(eventId.Name ?? eventId.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
            problems.AddOrUpdate(key, _ => (1, message()), (_, seen) => (seen.Count + 1, seen.First));
        }
    }

    private static string? Value(IReadOnlyList<KeyValuePair<string, object?>>? state, string name) =>
        state?.FirstOrDefault(p => p.Key == name).Value?.ToString();
}
