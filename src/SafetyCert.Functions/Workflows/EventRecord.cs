using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>The last event an instance took.</summary>
public sealed record EventRecord(long Sequence, string EventId, string EventType, Instant At, string Actor, Outcome Outcome, string? Reason);
