using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>An instance as the status query shows it.</summary>
/// <param name="Kind">The workflow kind.</param>
/// <param name="InstanceId">The instance id within the kind.</param>
/// <param name="Status">The state's name, or <c>Terminated</c>.</param>
/// <param name="IsFinal">True once the instance takes no further event.</param>
/// <param name="StateJson">The state as stored (after any upgrade to the current schema).</param>
/// <param name="SchemaVersion">The schema version the state was stored with.</param>
/// <param name="Deadlines">The deadlines now running.</param>
/// <param name="PendingTimers">The timers now set.</param>
/// <param name="LastEvent">The last event taken; null for none.</param>
/// <param name="Failure">An effect that keeps failing; null for none.</param>
/// <param name="CustomStatus">The orchestration's custom status (JSON), e.g. an activity it keeps retrying.</param>
/// <param name="TerminationReason">Why the instance was terminated; null unless it was.</param>
/// <param name="CreatedAt">When the instance was started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="RuntimeStatus">The orchestration's runtime status in Durable (Running, Completed, …); null when not asked.</param>
public sealed record WorkflowInstanceStatus(
    string Kind,
    string InstanceId,
    string Status,
    bool IsFinal,
    [property: JsonIgnore] string StateJson,
    int SchemaVersion,
    ImmutableArray<Deadline> Deadlines,
    ImmutableArray<ScheduledTimer> PendingTimers,
    EventRecord? LastEvent,
    WorkflowFailure? Failure,
    string? CustomStatus,
    string? TerminationReason,
    Instant CreatedAt,
    Instant UpdatedAt,
    string? RuntimeStatus = null)
{
    /// <summary>The state as a JSON object.</summary>
    public JsonElement State => JsonDocument.Parse(StateJson).RootElement.Clone();
}
