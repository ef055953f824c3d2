namespace SafetyCert.Domain.Workflows;

/// <summary>Forget a timer that is no longer wanted. A cancelled timer that fires anyway is stale and ignored.</summary>
public sealed record CancelTimer(string TimerId, string Token) : Effect;
