namespace SafetyCert.Functions.Workflows;

/// <summary>
/// One decided event, as the orchestration hands it to its activities: what was decided, the state afterwards and
/// the effects to carry out. <paramref name="CancelDueAt"/> holds the due time of each timer a <c>CancelTimer</c>
/// effect names by token, which only the state before the event knows.
/// </summary>
public sealed record Transition(
    string Kind,
    string InstanceId,
    long Sequence,
    EventEnvelope Event,
    string EventType,
    string Outcome,
    string? Reason,
    string? StatusBefore,
    string StatusAfter,
    bool IsFinal,
    string StateJson,
    string EffectsJson,
    IReadOnlyDictionary<string, DateTimeOffset> CancelDueAt);
