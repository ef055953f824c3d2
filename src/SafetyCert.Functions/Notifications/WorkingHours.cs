using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Time;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// When an informational notice may go out: 09:00–18:00 Beijing time on China's working days, as the registered
/// calendar knows them (the shipped years and the arrangements an administrator stored).
/// </summary>
internal sealed class WorkingHours(WorkingDayCalendar calendar)
{
    public static LocalTime Opens { get; } = new(9, 0);

    public static LocalTime Closes { get; } = new(18, 0);

    /// <summary><paramref name="now"/> itself inside working hours, otherwise the next opening.</summary>
    public DateTimeOffset NextOpen(DateTimeOffset now)
    {
        var local = Instant.FromDateTimeOffset(now).InZone(ShanghaiTime.Zone).LocalDateTime;
        var date = local.Date;
        if (calendar.IsWorkingDay(date) && local.TimeOfDay >= Opens && local.TimeOfDay < Closes)
        {
            return now;
        }

        if (local.TimeOfDay >= Opens || !calendar.IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        while (!calendar.IsWorkingDay(date))
        {
            date = date.PlusDays(1);
        }

        return ShanghaiTime.At(date, Opens).ToDateTimeOffset();
    }
}
