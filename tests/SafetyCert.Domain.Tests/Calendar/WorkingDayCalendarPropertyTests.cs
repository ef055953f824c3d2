using CsCheck;
using NodaTime;
using SafetyCert.Domain.Calendar;

namespace SafetyCert.Domain.Tests.Calendar;

/// <summary>
/// Laws of working-day counting (RULES.md §4, conventions "working days" and "counting") over random dates of
/// the published years 2007–2026 and random counts 0–60.
/// </summary>
public class WorkingDayCalendarPropertyTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    private static readonly LocalDate First = new(2007, 1, 1);

    private static readonly Gen<LocalDate> Dates =
        Gen.Int[0, Period.Between(First, new LocalDate(2026, 12, 31), PeriodUnits.Days).Days].Select(First.PlusDays);

    private static readonly Gen<int> Counts = Gen.Int[0, 60];

    [Fact]
    public void AddWorkingDays_lands_on_a_working_day_after_the_start()
    {
        Gen.Select(Dates, Gen.Int[1, 60]).Sample((start, n) =>
        {
            var end = China.AddWorkingDays(start, n).Value;

            Assert.True(China.IsWorkingDay(end), $"{start} + {n} = {end}, which is not a working day.");
            Assert.True(end > start);
        });
    }

    [Fact]
    public void WorkingDaysBetween_the_start_and_AddWorkingDays_is_the_count()
    {
        Gen.Select(Dates, Counts).Sample((start, n) =>
        {
            var end = China.AddWorkingDays(start, n).Value;

            Assert.Equal(n, China.WorkingDaysBetween(start, end).Value);
            Assert.Equal(-n, China.WorkingDaysBetween(end, start).Value);
        });
    }

    // No working day is skipped: the day before the end is N−1 working days after the start (for N ≥ 1).
    [Fact]
    public void AddWorkingDays_stops_at_the_first_date_reaching_the_count()
    {
        Gen.Select(Dates, Gen.Int[1, 60]).Sample((start, n) =>
        {
            var end = China.AddWorkingDays(start, n).Value;

            Assert.Equal(n - 1, China.WorkingDaysBetween(start, end.PlusDays(-1)).Value);
        });
    }

    // Counting N forward from D reaches E; counting N back from E reaches B, the last working day on or before
    // D (D itself when D is worked). Only non-working days lie between B and D, so N forward from B reaches E again.
    [Fact]
    public void Counting_back_from_the_end_returns_to_the_last_working_day_on_or_before_the_start()
    {
        Gen.Select(Dates, Gen.Int[1, 60]).Sample((start, n) =>
        {
            var end = China.AddWorkingDays(start, n).Value;
            var back = China.AddWorkingDays(end, -n).Value;

            Assert.True(back <= start, $"{start} + {n} = {end}, back to {back}.");
            Assert.True(China.IsWorkingDay(back));
            Assert.Equal(0, China.WorkingDaysBetween(back, start).Value);
            Assert.Equal(China.IsWorkingDay(start), back == start);
            Assert.Equal(end, China.AddWorkingDays(back, n).Value);
            Assert.Equal(n, China.WorkingDaysBetween(back, end).Value);
        });
    }

    // Inside the published years nothing is provisional.
    [Fact]
    public void Answers_within_published_years_are_not_provisional()
    {
        Gen.Select(Dates, Counts).Sample((start, n) =>
        {
            var answer = China.AddWorkingDays(start, n);

            Assert.Equal(!China.IsPublished(answer.Value), answer.Provisional);
        });
    }

    // A later start never gives an earlier end.
    [Fact]
    public void AddWorkingDays_is_monotonic_in_the_start()
    {
        Gen.Select(Dates, Gen.Int[0, 30], Counts).Sample((start, offset, n) =>
        {
            var earlier = China.AddWorkingDays(start, n).Value;
            var later = China.AddWorkingDays(start.PlusDays(offset), n).Value;

            Assert.True(later >= earlier, $"{start}+{n} = {earlier} but {start.PlusDays(offset)}+{n} = {later}.");
        });
    }
}
