using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SafetyCert.Functions.Operations;

/// <summary>
/// The app's own traces and counters. One trace per workflow event: the HTTP call or the timer firing that raised it is
/// the root, the activities that record the event and carry out its effects are its children, and the sending of each
/// notice it decided is a child of those effects. The trace context travels with the work itself (the event envelope,
/// the delivery's ledger row), because Durable and the notification queue carry data, not the ambient context.
/// </summary>
public static class SafetyCertTelemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "SafetyCert";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Events decided by a workflow, by <c>kind</c> and <c>outcome</c> (Applied, Ignored, Rejected).</summary>
    public static readonly Counter<long> Transitions =
        Meter.CreateCounter<long>("safetycert.workflow.transitions", "{event}", "Workflow events decided, by workflow kind and outcome.");

    /// <summary>Deadlines raised into their instance by a sweep, by <c>kind</c>.</summary>
    public static readonly Counter<long> TimersFired =
        Meter.CreateCounter<long>("safetycert.timers.fired", "{timer}", "Business deadlines the sweep raised into their workflow instance.");

    /// <summary>Notice sending attempts, by <c>channel</c> and <c>result</c> (sent, retried, failed).</summary>
    public static readonly Counter<long> Notices =
        Meter.CreateCounter<long>("safetycert.notices", "{notice}", "Notice sending attempts by channel and result: sent, retried (will be tried again), failed (for good).");

    /// <summary>Notification messages that could not be processed at all, by the <c>reason</c> kind.</summary>
    public static readonly Counter<long> Unprocessable =
        Meter.CreateCounter<long>("safetycert.notices.unprocessable", "{message}", "Notification queue messages the sender could not process; after five such dequeues a message goes to the poison queue.");

    /// <summary>
    /// Starts a span under <paramref name="traceParent"/> (a W3C <c>traceparent</c>), or under the ambient span when it is
    /// null or unreadable. Null when nobody listens.
    /// </summary>
    public static Activity? StartUnder(string name, string? traceParent, ActivityKind kind = ActivityKind.Internal) =>
        ActivityContext.TryParse(traceParent, null, out var parent)
            ? Source.StartActivity(name, kind, parent)
            : Source.StartActivity(name, kind);

    /// <summary>Starts a span that begins a trace of its own, linked to the ambient span (a sweep starting one trace per firing).</summary>
    public static Activity? StartRoot(string name, ActivityKind kind = ActivityKind.Internal)
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        try
        {
            return Source.StartActivity(name, kind, default(ActivityContext), links: ambient is null ? null : [new ActivityLink(ambient.Context)]);
        }
        finally
        {
            if (Activity.Current is null)
            {
                Activity.Current = ambient;
            }
        }
    }
}
