namespace SafetyCert.Functions.Workflows;

/// <summary>
/// The input of one generation of a lifecycle orchestration: the instance's state as the decider left it, the audit
/// sequence so far, the ids of the latest events taken (a repeated id is ignored) and the events to take before waiting
/// for the next one: the start event of the first generation, which travels in the input because Durable discards an
/// event raised before an instance has started, and deadlines that were already due when the last event set them.
/// </summary>
public sealed record LifecycleInput(
    string Kind,
    string InstanceId,
    string? StateJson,
    long Sequence,
    IReadOnlyList<string> Seen,
    IReadOnlyList<EventEnvelope> Pending);
