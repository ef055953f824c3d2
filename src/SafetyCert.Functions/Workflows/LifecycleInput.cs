namespace SafetyCert.Functions.Workflows;

/// <summary>
/// The input of one generation of a lifecycle orchestration: the instance's state as the decider left it, the audit
/// sequence so far, the ids of the latest events taken (a repeated id is ignored) and, for the first generation, the
/// start event, which travels in the input because Durable discards an event raised before an instance has started.
/// </summary>
public sealed record LifecycleInput(
    string Kind,
    string InstanceId,
    string? StateJson,
    long Sequence,
    IReadOnlyList<string> Seen,
    EventEnvelope? First);
