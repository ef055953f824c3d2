using NodaTime;

namespace SafetyCert.Domain.Time;

/// <summary>
/// Every instant in the rules is read in Beijing time (RULES.md §4, convention "counting").
/// </summary>
public static class ShanghaiTime
{
    /// <summary>The Asia/Shanghai zone from the TZDB data NodaTime ships.</summary>
    public static DateTimeZone Zone { get; } = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    /// <summary>The hour at which dated reminders go out.</summary>
    public static LocalTime ReminderTime { get; } = new(9, 0);

    /// <summary>The calendar date of an instant in Beijing.</summary>
    public static LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>Midnight at the start of a date in Beijing.</summary>
    public static Instant StartOf(LocalDate date) => Zone.AtStartOfDay(date).ToInstant();

    /// <summary>The close of a date: the first instant of the next day. A deadline "within N days" ends here.</summary>
    public static Instant EndOf(LocalDate date) => StartOf(date.PlusDays(1));

    /// <summary>A wall-clock time on a date in Beijing.</summary>
    public static Instant At(LocalDate date, LocalTime time) => (date + time).InZoneLeniently(Zone).ToInstant();

    /// <summary>The reminder hour on a date.</summary>
    public static Instant ReminderOn(LocalDate date) => At(date, ReminderTime);
}
