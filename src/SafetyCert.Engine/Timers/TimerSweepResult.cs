namespace SafetyCert.Engine.Timers;

/// <summary>What one sweep did.</summary>
/// <param name="PartitionsRead">How many due-hour partitions were read.</param>
/// <param name="TimersFired">How many due timers were enqueued as <c>TimerFired</c>.</param>
/// <param name="Watermark">The first hour (<c>yyyyMMddHH</c>) not yet known to be fully swept.</param>
public sealed record TimerSweepResult(int PartitionsRead, int TimersFired, string Watermark);
