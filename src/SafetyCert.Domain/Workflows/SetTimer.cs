using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>Deliver <see cref="TimerFired"/> with this id and token at <paramref name="DueAt"/>.</summary>
public sealed record SetTimer(string TimerId, string Token, Instant DueAt, string Purpose) : Effect;
