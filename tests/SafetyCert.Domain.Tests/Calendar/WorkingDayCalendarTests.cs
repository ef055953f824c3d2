using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Calendar;

namespace SafetyCert.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    // RULES.md §4.1, seed 000 §3(2)1: Feb 14 and Feb 28 are working Saturdays, Feb 15–23 is the Spring Festival.
    [Fact]
    public void Material_review_received_Friday_2026_02_13_is_due_2026_03_05()
    {
        var due = China.AddWorkingDays(new LocalDate(2026, 2, 13), 10);

        Assert.Equal(new LocalDate(2026, 3, 5), due.Value);
        Assert.False(due.Provisional);
    }

    // RULES.md §4, convention "counting": the start is not counted; the N-th working day after it is the end.
    // 2026-02-13 + 10: Feb 14 (Sat, worked), Feb 24–28 (28 a worked Saturday), Mar 2–5.
    // 2025-09-26 + 5, notice before National Day [001 art.15]: Sep 28 (Sun, worked), 29, 30, Oct 9, 10.
    // 2026-09-24 + 5, notice before Mid-Autumn and National Day: Sep 28, 29, 30, Oct 8, 9.
    // 2025-12-31 + 1: New Year Jan 1–3 is off, Sunday Jan 4 is worked.
    // 2026-03-05 − 10 counts back to 2026-02-13 over the same days.
    [Theory]
    [InlineData("2026-02-13", 10, "2026-03-05")]
    [InlineData("2025-09-26", 5, "2025-10-10")]
    [InlineData("2026-09-24", 5, "2026-10-09")]
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2026-10-03", 0, "2026-10-03")]
    [InlineData("2026-03-05", -10, "2026-02-13")]
    [InlineData("2026-05-08", 1, "2026-05-09")]
    [InlineData("2026-04-30", 1, "2026-05-06")]
    public void AddWorkingDays_counts_holidays_and_adjusted_weekends(string start, int workingDays, string expected)
    {
        var due = China.AddWorkingDays(Day(start), workingDays);

        Assert.Equal(Day(expected), due.Value);
        Assert.False(due.Provisional);
    }

    [Theory]
    [InlineData("2026-02-13", "2026-03-05", 10)]
    [InlineData("2026-03-05", "2026-02-13", -10)]
    [InlineData("2025-09-30", "2025-10-08", 0)]
    [InlineData("2025-09-30", "2025-10-09", 1)]
    [InlineData("2026-06-01", "2026-06-01", 0)]
    public void WorkingDaysBetween_counts_the_working_days_after_the_start_up_to_the_end(string from, string to, int expected)
    {
        var count = China.WorkingDaysBetween(Day(from), Day(to));

        Assert.Equal(expected, count.Value);
        Assert.False(count.Provisional);
    }

    [Theory]
    [InlineData("2026-02-14", true)]
    [InlineData("2026-02-16", false)]
    [InlineData("2026-10-10", true)]
    [InlineData("2026-10-11", false)]
    [InlineData("2026-06-03", true)]
    [InlineData("2026-06-06", false)]
    public void IsWorkingDay_follows_the_arrangement_then_the_weekend(string date, bool expected)
    {
        Assert.Equal(expected, China.IsWorkingDay(Day(date)));
    }

    // RULES.md §4, convention "working days": a year without a published arrangement skips weekends only and
    // every answer touching it is provisional.
    [Theory]
    [InlineData("2026-12-31", 1, "2027-01-01", true)]
    [InlineData("2027-01-08", 1, "2027-01-11", true)]
    [InlineData("2027-02-10", 5, "2027-02-17", true)]
    [InlineData("2026-12-24", 3, "2026-12-29", false)]
    public void AddWorkingDays_into_an_unpublished_year_skips_weekends_only_and_is_provisional(
        string start, int workingDays, string expected, bool provisional)
    {
        var due = China.AddWorkingDays(Day(start), workingDays);

        Assert.Equal(Day(expected), due.Value);
        Assert.Equal(provisional, due.Provisional);
    }

    [Fact]
    public void WorkingDaysBetween_touching_an_unpublished_year_is_provisional()
    {
        var count = China.WorkingDaysBetween(new LocalDate(2026, 12, 31), new LocalDate(2027, 1, 4));

        Assert.Equal(2, count.Value);
        Assert.True(count.Provisional);
        Assert.False(China.IsPublished(new LocalDate(2027, 1, 4)));
    }

    // RULES.md §4: an operator loads a year once the State Council publishes it.
    [Fact]
    public void WithArrangement_for_2027_applies_its_days_and_ends_provisional_answers()
    {
        var calendar = China.WithArrangement(
            2027,
            [
                new ArrangedDay(new LocalDate(2026, 12, 27), DayKind.Work, "元旦"),
                new ArrangedDay(new LocalDate(2027, 1, 1), DayKind.Off, "元旦"),
                new ArrangedDay(new LocalDate(2027, 2, 11), DayKind.Off, "春节"),
                new ArrangedDay(new LocalDate(2027, 2, 12), DayKind.Off, "春节"),
                new ArrangedDay(new LocalDate(2027, 2, 20), DayKind.Work, "春节"),
            ]);

        var newYear = calendar.AddWorkingDays(new LocalDate(2026, 12, 31), 1);
        var springFestival = calendar.AddWorkingDays(new LocalDate(2027, 2, 10), 5);

        Assert.Equal(new LocalDate(2027, 1, 4), newYear.Value);
        Assert.False(newYear.Provisional);
        Assert.Equal(new LocalDate(2027, 2, 19), springFestival.Value);
        Assert.False(springFestival.Provisional);
        Assert.True(calendar.IsWorkingDay(new LocalDate(2026, 12, 27)));
        Assert.Contains(2027, calendar.PublishedYears);
        Assert.DoesNotContain(2027, China.PublishedYears);
        Assert.True(China.AddWorkingDays(new LocalDate(2026, 12, 31), 1).Provisional);
    }

    // The 2019 New Year holiday began on 2018-12-30: an arrangement may hold holidays of late December.
    [Fact]
    public void WithArrangement_accepts_holidays_at_the_end_of_the_previous_year()
    {
        var days = China.ArrangedDays.Where(d => d.Date >= new LocalDate(2018, 12, 20) && d.Date.Year <= 2019).ToList();

        var reloaded = China.WithArrangement(2019, days);

        Assert.Equal(China.ArrangedDays, reloaded.ArrangedDays);
        Assert.Contains(days, d => d.Date.Year == 2018 && d.Kind == DayKind.Off);
    }

    // Reloading 2018 replaces 2018's days but keeps 2018-12-29..31, which belong to the 2019 New Year.
    [Fact]
    public void WithArrangement_reloading_a_year_keeps_the_next_years_new_year_days()
    {
        var reloaded = China.WithArrangement(2018, [new ArrangedDay(new LocalDate(2018, 1, 1), DayKind.Off, "元旦")]);

        Assert.False(reloaded.IsWorkingDay(new LocalDate(2018, 12, 31)));
        Assert.True(reloaded.IsWorkingDay(new LocalDate(2018, 12, 29)));
        Assert.True(reloaded.IsWorkingDay(new LocalDate(2018, 2, 16)));
        Assert.False(China.IsWorkingDay(new LocalDate(2018, 2, 16)));
    }

    [Theory]
    [InlineData("2025-06-01")]
    [InlineData("2028-01-01")]
    [InlineData("2026-12-19")]
    public void WithArrangement_rejects_a_day_of_another_year_naming_it(string date)
    {
        var error = Assert.Throws<ArgumentException>(() => China.WithArrangement(2027, [new ArrangedDay(Day(date), DayKind.Off, "x")]));

        Assert.Contains(date, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithArrangement_rejects_a_date_given_twice()
    {
        var error = Assert.Throws<ArgumentException>(() => China.WithArrangement(
            2027,
            [new ArrangedDay(new LocalDate(2027, 1, 1), DayKind.Off, "元旦"), new ArrangedDay(new LocalDate(2027, 1, 1), DayKind.Work, "元旦")]));

        Assert.Contains("2027-01-01", error.Message, StringComparison.Ordinal);
    }

    // Bad input gives an error naming what was wrong: here, the line.
    [Theory]
    [InlineData("date,kind,name\n2026-13-01,off,x", 2)]
    [InlineData("2026-01-01,holiday,元旦", 1)]
    [InlineData("date,kind,name\n2026-01-01,off,元旦\n2026-01-02", 3)]
    [InlineData("date,kind,name\r\n\r\nnot a row\r\n", 3)]
    [InlineData("date,kind,name\n2026-01-01,off,元旦\n2026-01-02,off,元旦\n2026-01-01,work,元旦", 4)]
    [InlineData("2026/01/01,off,元旦", 1)]
    public void Parse_rejects_a_bad_line_naming_it(string csv, int line)
    {
        var error = Assert.Throws<FormatException>(() => WorkingDayCalendar.Parse(csv));

        Assert.StartsWith($"Line {line}:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_accepts_a_byte_order_mark_before_the_header()
    {
        var calendar = WorkingDayCalendar.Parse("\uFEFFdate,kind,name\n2027-01-01,off,元旦\n");

        Assert.False(calendar.IsWorkingDay(new LocalDate(2027, 1, 1)));
        Assert.Equal([2027], calendar.PublishedYears);
    }

    private static LocalDate Day(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
