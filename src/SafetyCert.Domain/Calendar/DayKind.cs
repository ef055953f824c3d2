namespace SafetyCert.Domain.Calendar;

/// <summary>How a published arrangement overrides the plain Monday–Friday week for one date.</summary>
public enum DayKind
{
    /// <summary>A statutory holiday: no work, even on a weekday.</summary>
    Off,

    /// <summary>An adjusted working day (调休): work, even on a weekend.</summary>
    Work,
}
