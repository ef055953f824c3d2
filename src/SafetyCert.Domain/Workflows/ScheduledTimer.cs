using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>A timer an instance has set and not yet seen fire.</summary>
public sealed record ScheduledTimer(string Id, string Token, Instant DueAt, string Purpose);
