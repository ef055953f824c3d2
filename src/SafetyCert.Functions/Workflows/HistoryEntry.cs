using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>One event an instance took, as the audit trail shows it.</summary>
/// <param name="Sequence">1, 2, … in the order the events were decided.</param>
/// <param name="EventId">The caller's id of the event, unique within the instance.</param>
/// <param name="EventType">The event type's name (<c>Terminated</c> for a termination).</param>
/// <param name="EventJson">The event as received.</param>
/// <param name="At">The time the decider was handed as <c>now</c>.</param>
/// <param name="Actor">Who raised it.</param>
/// <param name="Outcome">Applied, ignored or rejected.</param>
/// <param name="Reason">Why it was ignored or rejected.</param>
/// <param name="StatusAfter">The instance's status after the event.</param>
/// <param name="EffectsJson">The effects decided, as a JSON array.</param>
public sealed record HistoryEntry(
    long Sequence,
    string EventId,
    string EventType,
    [property: JsonIgnore] string EventJson,
    Instant At,
    string Actor,
    Outcome Outcome,
    string? Reason,
    string StatusAfter,
    [property: JsonIgnore] string EffectsJson)
{
    /// <summary>The event as a JSON object.</summary>
    public JsonElement Event => JsonDocument.Parse(EventJson).RootElement.Clone();

    /// <summary>The effects as a JSON array.</summary>
    public JsonElement Effects => JsonDocument.Parse(EffectsJson).RootElement.Clone();
}
