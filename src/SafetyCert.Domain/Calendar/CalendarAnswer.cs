namespace SafetyCert.Domain.Calendar;

/// <summary>
/// A value computed from the working-day calendar. <see cref="Provisional"/> is true when the
/// computation touched a year whose holiday arrangement is not loaded, so plain weekends were assumed
/// (RULES.md §4, convention "working days").
/// </summary>
public readonly record struct CalendarAnswer<T>(T Value, bool Provisional);
