using System.Globalization;
using NodaTime.Text;
using SafetyCert.Domain.Calendar;

namespace SafetyCert.Domain.Tests.Calendar;

/// <summary>Every row of the shipped State Council arrangements of 2007–2026, read straight from the file.</summary>
public class HolidayFileTests
{
    private const string ResourceName = "SafetyCert.Domain.Tests.Calendar.cn-holidays.csv";

    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    public static TheoryData<string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var fields in ReadRows())
        {
            data.Add(fields[0], fields[1], fields[2]);
        }

        return data;
    }

    // RULES.md §4, convention "working days": a holiday is off even on a weekday, an adjusted day is worked
    // even on a weekend.
    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_arranged_day_is_off_or_worked_as_the_file_says(string date, string kind, string name)
    {
        var day = LocalDatePattern.Iso.Parse(date).Value;

        Assert.Equal(kind == "work", China.IsWorkingDay(day));
        Assert.Equal(name, China.ArrangementOf(day));
    }

    [Fact]
    public void ArrangedDays_holds_exactly_the_rows_of_the_file_in_date_order()
    {
        var expected = ReadRows().Select(f => (f[0], f[1], f[2])).ToList();

        var actual = China.ArrangedDays
            .Select(d => (d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Kind == DayKind.Off ? "off" : "work", d.Name))
            .ToList();

        Assert.True(expected.Count > 600, $"The file holds only {expected.Count} rows.");
        Assert.Equal(expected.Order(), actual);
        Assert.Equal(actual.Order(), actual);
    }

    // RULES.md §4: the file covers 2007–2026; later years are provisional until loaded.
    [Fact]
    public void PublishedYears_are_2007_to_2026()
    {
        Assert.Equal(Enumerable.Range(2007, 20), China.PublishedYears.Order());
    }

    private static List<string[]> ReadRows()
    {
        using var stream = typeof(HolidayFileTests).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded in the test assembly.");
        using var reader = new StreamReader(stream);
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("date,", StringComparison.Ordinal))
            {
                rows.Add(line.Split(',', 3));
            }
        }

        return rows;
    }
}
