using System.Globalization;
using SafetyCert.Domain.Calendar;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class WorkingHoursTests
{
    // Times are Beijing (+08:00). RULES.md §4 convention "working days": the State Council calendar, 调休 included.
    [Theory]
    [InlineData("2026-03-10T10:00+08:00", "2026-03-10T10:00+08:00")] // Tuesday, open
    [InlineData("2026-03-10T08:59+08:00", "2026-03-10T09:00+08:00")] // before opening
    [InlineData("2026-03-10T18:00+08:00", "2026-03-11T09:00+08:00")] // closing time is closed
    [InlineData("2026-03-13T19:30+08:00", "2026-03-16T09:00+08:00")] // Friday evening → Monday
    [InlineData("2026-03-14T10:00+08:00", "2026-03-16T09:00+08:00")] // Saturday
    [InlineData("2026-09-30T18:30+08:00", "2026-10-08T09:00+08:00")] // National Day holiday 1–7 Oct 2026
    [InlineData("2026-10-10T11:00+08:00", "2026-10-10T11:00+08:00")] // adjusted working Saturday
    public void Next_open_follows_the_China_calendar(string now, string expected)
    {
        var at = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), new WorkingHours(WorkingDayCalendar.China).NextOpen(at));
    }

    // A year an administrator stored counts as much as a shipped one: Monday 3 June 2030, stored as a holiday, is closed.
    [Fact]
    public void Next_open_follows_a_stored_holiday_arrangement()
    {
        var calendar = WorkingDayCalendar.China.WithArrangement(2030, [new ArrangedDay(new NodaTime.LocalDate(2030, 6, 3), DayKind.Off, "端午节")]);
        var monday = DateTimeOffset.Parse("2030-06-03T10:00+08:00", CultureInfo.InvariantCulture);

        Assert.Equal(DateTimeOffset.Parse("2030-06-04T09:00+08:00", CultureInfo.InvariantCulture), new WorkingHours(calendar).NextOpen(monday));
    }
}
