using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>An instance as the status query shows it.</summary>
/// <param name="Kind">The workflow kind.</param>
/// <param name="InstanceId">The instance id within the kind.</param>
/// <param name="Status">The state's name.</param>
/// <param name="IsFinal">True once the instance takes no further event.</param>
/// <param name="StateJson">The state as stored (after any upgrade to the current schema).</param>
/// <param name="Deadlines">The deadlines now running.</param>
/// <param name="PendingTimers">The timers now set.</param>
/// <param name="LastEvent">The last event taken; null for none.</param>
/// <param name="CustomStatusJson">The orchestration's custom status as JSON, e.g. an activity it keeps retrying; null for none.</param>
/// <param name="CreatedAt">When the instance was started.</param>
/// <param name="UpdatedAt">When it last changed.</param>
/// <param name="RuntimeStatus">The orchestration's runtime status in Durable (Running, Completed, …); null when not asked.</param>
public sealed record WorkflowInstanceStatus(
    string Kind,
    string InstanceId,
    string Status,
    bool IsFinal,
    [property: JsonIgnore] string StateJson,
    ImmutableArray<Deadline> Deadlines,
    ImmutableArray<ScheduledTimer> PendingTimers,
    EventRecord? LastEvent,
    [property: JsonIgnore] string? CustomStatusJson,
    Instant CreatedAt,
    Instant UpdatedAt,
    string? RuntimeStatus = null)
{
    /// <summary>The state as a JSON object.</summary>
    public JsonElement State => JsonDocument.Parse(StateJson).RootElement.Clone();

    /// <summary>The orchestration's custom status as a JSON value; null for none.</summary>
    public JsonElement? CustomStatus => CustomStatusJson is { Length: > 0 } json ? JsonDocument.Parse(json).RootElement.Clone() : null;
}
