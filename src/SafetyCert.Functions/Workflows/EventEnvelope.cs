namespace SafetyCert.Functions.Workflows;

/// <summary>
/// An event on its way to an instance: who raised it, the business time it was accepted at (the decider's
/// <c>now</c>), and the event as JSON with its type discriminator, so Durable carries it as plain data. It also carries
/// the W3C trace context of what raised it (an HTTP call, a sweep, another instance's effects), so the activities that
/// record and carry out the event, and the notices it decides, join that trace.
/// </summary>
public sealed record EventEnvelope(string EventId, string Actor, DateTimeOffset At, string EventJson)
{
    public string? TraceParent { get; init; } = System.Diagnostics.Activity.Current?.Id;
}
