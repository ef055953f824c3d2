namespace SafetyCert.Benchmarks;

/// <summary>A bare generation's input: events taken so far, the last event id (to ignore a re-raise), the start event.</summary>
internal sealed record BareInput(int Count, string? LastEventId, BareEvent? Pending);
