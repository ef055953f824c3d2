namespace SafetyCert.Functions.Workflows;

/// <summary>What one sweep did.</summary>
/// <param name="PartitionsRead">How many due-hour partitions were read.</param>
/// <param name="TimersFired">How many due timers were enqueued as <c>TimerFired</c>.</param>
/// <param name="Watermark">The first hour (<c>yyyyMMddHH</c>) not yet known to be fully swept.</param>
public sealed record DueIndexSweepResult(int PartitionsRead, int TimersFired, string Watermark);
