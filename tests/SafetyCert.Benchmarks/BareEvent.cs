namespace SafetyCert.Benchmarks;

/// <summary>The external event of <see cref="BareOrchestration"/>: an id and, for its activities, the step.</summary>
internal sealed record BareEvent(string EventId, int Step = 0);
