namespace SafetyCert.Domain.Workflows;

/// <summary>A timer set by an earlier decision came due. Its token tells a current timer from a stale one.</summary>
public sealed record TimerFired(string TimerId, string Token) : WorkflowEvent;
