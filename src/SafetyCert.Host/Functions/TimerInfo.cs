namespace SafetyCert.Host.Functions;

/// <summary>What a timer function learns about the occurrence it runs for.</summary>
/// <param name="ScheduleStatus">The status as it stood before this run; null when none was kept.</param>
/// <param name="IsPastDue">True when the run is late: an occurrence was missed while no host was up.</param>
public sealed record TimerInfo(ScheduleStatus? ScheduleStatus, bool IsPastDue);
