using System.Globalization;
using Cronos;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Tests.Functions;

/// <summary>
/// DESIGN.md "The function app": schedules are written in Asia/Shanghai (UTC+8, no daylight saving); the Functions host
/// on Linux reads function.json schedules in UTC, so the generated ones must name the same instants in UTC.
/// </summary>
public sealed class UtcScheduleTests
{
    [Theory]
    [InlineData("0 0 8 * * *", "0 0 0 * * *")] // 08:00 Shanghai is midnight UTC, same day
    [InlineData("0 0 9 * * *", "0 0 1 * * *")]
    [InlineData("0 0 2 * * *", "0 0 18 * * *")] // wraps to the previous day; every day, so nothing else moves
    [InlineData("0 30 2 * * 1-5", "0 30 18 * * 0-4")] // Monday-Friday 02:30 is Sunday-Thursday 18:30 UTC
    [InlineData("0 0 2 * * MON", "0 0 18 * * 0")]
    [InlineData("0 0 0 * * SUN", "0 0 16 * * 6")]
    [InlineData("0 0 3 * * 0,7", "0 0 19 * * 6")] // 0 and 7 both say Sunday
    [InlineData("0 0 10 * * MON-FRI", "0 0 2 * * MON-FRI")] // no wrap: the days stay as written
    [InlineData("0 0 9 1 * *", "0 0 1 1 * *")] // day of month stays when no hour wraps
    [InlineData("0 0 9 1 1 *", "0 0 1 1 1 *")]
    [InlineData("0 0 8,12,20 * * *", "0 0 0,4,12 * * *")]
    [InlineData("0 0 9-17 * * 1-5", "0 0 1-9 * * 1-5")]
    [InlineData("0 0 0-7 * * *", "0 0 16-23 * * *")]
    [InlineData("0 0 0-7 * * 2", "0 0 16-23 * * 1")]
    [InlineData("0 0 6-10 * * *", "0 0 0-2,22,23 * * *")] // straddles midnight UTC, but any day goes
    [InlineData("0 0 8-20/4 * * *", "0 0 0,4,8,12 * * *")]
    [InlineData("0 0 */5 * * *", "0 0 2,7,12,16,21 * * *")] // 0,5,10,15,20 in Shanghai are not */5 in UTC
    [InlineData("0 0 * * * *", "0 0 * * * *")] // every hour is every hour in any zone
    [InlineData("0 0 */4 * * 1", "0 0 */4 * * 1")] // steps dividing 8 are the same hours in both zones
    [InlineData("0 */5 * * * *", "0 */5 * * * *")]
    [InlineData("0 * * * * *", "0 * * * * *")]
    public void FromShanghai_moves_the_hours_back_by_eight(string shanghai, string utc)
    {
        Assert.Equal(utc, UtcSchedule.FromShanghai("Test", shanghai));
    }

    [Theory]
    [InlineData("0 0 8 * * *")]
    [InlineData("0 30 2 * * 1-5")]
    [InlineData("0 0 0 * * SUN")]
    [InlineData("0 0 6-10 * * *")]
    [InlineData("0 0 */5 * * *")]
    [InlineData("0 0 9 1 1 *")]
    [InlineData("0 15 7 * * 6")]
    public void FromShanghai_fires_at_the_same_instants_as_the_schedule_read_in_Shanghai(string shanghai)
    {
        var local = TimerSchedule.Parse("Test", shanghai);
        var utc = CronExpression.Parse(UtcSchedule.FromShanghai("Test", shanghai), CronFormat.IncludeSeconds);
        var after = DateTimeOffset.Parse("2026-12-28T00:00:00Z", CultureInfo.InvariantCulture);
        for (var i = 0; i < 40; i++)
        {
            var expected = local.NextAfter(after);
            var actual = utc.GetNextOccurrence(after, TimeZoneInfo.Utc);
            Assert.Equal(expected, actual);
            after = expected ?? DateTimeOffset.MaxValue;
        }
    }

    [Theory]
    [InlineData("0 0 2 1 * *", "day-of-month")] // 1st at 02:00 is the last day of the previous month in UTC
    [InlineData("0 0 2 * 1 *", "month")] // 1 January 02:00 is 31 December in UTC
    [InlineData("0 0 6-10 * * 1", "day-of-week")] // Monday 06:00-07:00 is Sunday in UTC, 08:00-10:00 still Monday
    [InlineData("0 0 2 * * MON#2", "day-of-week")]
    public void FromShanghai_refuses_a_schedule_with_no_exact_UTC_form_naming_the_function(string shanghai, string field)
    {
        var error = Assert.Throws<NotSupportedException>(() => UtcSchedule.FromShanghai("MonthlyReport", shanghai));

        Assert.Contains("'MonthlyReport'", error.Message, StringComparison.Ordinal);
        Assert.Contains(shanghai, error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }
}
