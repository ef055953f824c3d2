using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Tests.Functions;

public sealed class TimerScheduleTests
{
    // DESIGN.md "The function app": schedules are computed in Asia/Shanghai (UTC+8, no daylight saving).
    [Theory]
    [InlineData("0 0 0 * * *", "2026-11-22T15:59:59Z", "2026-11-22T16:00:00Z")] // 23:59:59 → midnight of the 23rd
    [InlineData("0 30 1 * * *", "2026-11-22T16:00:00Z", "2026-11-22T17:30:00Z")] // 01:30 on the 23rd, still the 22nd in UTC
    [InlineData("0 0 9 * * MON", "2026-11-22T20:00:00Z", "2026-11-23T01:00:00Z")] // Sunday 20:00 UTC is already Monday 04:00
    [InlineData("0 0 2 1 * *", "2026-11-30T17:00:00Z", "2026-11-30T18:00:00Z")] // 1 December 02:00 while UTC is in November
    [InlineData("*/10 * * * * *", "2026-11-22T01:00:00Z", "2026-11-22T01:00:10Z")]
    public void NextAfter_reads_the_schedule_in_Shanghai(string schedule, string after, string expected)
    {
        var next = TimerSchedule.Parse("Test", schedule).NextAfter(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("0 0 * * *")] // five fields: minutes first, not seconds
    [InlineData("0 0 25 * * *")]
    [InlineData("every day")]
    public void Parse_rejects_anything_but_six_fields_naming_the_function(string schedule)
    {
        var error = Assert.Throws<FormatException>(() => TimerSchedule.Parse("Sweep", schedule));

        Assert.Contains("'Sweep'", error.Message, StringComparison.Ordinal);
        Assert.Contains(schedule, error.Message, StringComparison.Ordinal);
    }
}
