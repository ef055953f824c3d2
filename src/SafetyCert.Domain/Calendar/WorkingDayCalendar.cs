using System.Collections.Frozen;
using System.Globalization;
using NodaTime;

namespace SafetyCert.Domain.Calendar;

/// <summary>
/// China's working days: Monday to Friday, minus the State Council's statutory holidays, plus its
/// adjusted working weekends (RULES.md §4, convention "working days"). Years without a published
/// arrangement fall back to plain weekends and every answer that touches them is provisional.
/// </summary>
public sealed class WorkingDayCalendar
{
    private const string ResourceName = "SafetyCert.Domain.Calendar.cn-holidays.csv";

    private readonly FrozenDictionary<LocalDate, ArrangedDay> arranged;
    private readonly FrozenSet<int> publishedYears;

    private WorkingDayCalendar(IEnumerable<ArrangedDay> days, IEnumerable<int> publishedYears)
    {
        arranged = days.ToFrozenDictionary(d => d.Date);
        this.publishedYears = publishedYears.ToFrozenSet();
    }

    /// <summary>The arrangements of 2007–2026 shipped with the product.</summary>
    public static WorkingDayCalendar China { get; } = LoadEmbedded();

    /// <summary>The years whose arrangement is loaded.</summary>
    public IReadOnlySet<int> PublishedYears => publishedYears;

    /// <summary>Every override of the plain week that the calendar knows, in date order.</summary>
    public IEnumerable<ArrangedDay> ArrangedDays => arranged.Values.OrderBy(d => d.Date);

    /// <summary>
    /// Reads rows of <c>date,kind,name</c> (kind <c>off</c> or <c>work</c>), with an optional header.
    /// A year counts as published when its arrangement has at least one holiday.
    /// </summary>
    /// <exception cref="FormatException">A line is malformed or repeats a date; the message names the line.</exception>
    public static WorkingDayCalendar Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var days = ParseRows(csv);
        return new WorkingDayCalendar(days, days.Where(d => d.Kind == DayKind.Off).Select(d => ArrangementYear(d.Date)).Distinct());
    }

    /// <summary>
    /// A copy of this calendar with one more year's arrangement loaded, as an operator does once the
    /// State Council publishes it. Rows of that arrangement already known are replaced. The New Year
    /// holiday may reach back into late December of the previous year, with holidays (2018-12-30 for
    /// 2019) as well as adjusted working days (2006-12-30 for 2007); such rows belong to this year's
    /// arrangement.
    /// </summary>
    /// <exception cref="ArgumentException">A row lies outside the year's arrangement or repeats a date.</exception>
    public WorkingDayCalendar WithArrangement(int year, IEnumerable<ArrangedDay> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var rows = days.ToList();
        var stray = rows.FirstOrDefault(d => ArrangementYear(d.Date) != year);
        if (stray is not null)
        {
            throw new ArgumentException($"{stray.Date:yyyy-MM-dd} does not belong to the {year} arrangement.", nameof(days));
        }

        var repeated = rows.GroupBy(d => d.Date).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException($"{repeated.Key:yyyy-MM-dd} appears more than once in the {year} arrangement.", nameof(days));
        }

        // The late-December rows of this year belong to next year's New Year holiday and stay.
        var kept = arranged.Values.Where(d => ArrangementYear(d.Date) != year);
        return new WorkingDayCalendar(kept.Concat(rows), publishedYears.Append(year));
    }

    /// <summary>Whether the arrangement of the date's year is loaded.</summary>
    public bool IsPublished(LocalDate date) => publishedYears.Contains(date.Year);

    /// <summary>Whether people work on that date.</summary>
    public bool IsWorkingDay(LocalDate date)
    {
        if (arranged.TryGetValue(date, out var day))
        {
            return day.Kind == DayKind.Work;
        }

        return date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday);
    }

    /// <summary>The holiday name of a date, when the arrangement names one.</summary>
    public string? ArrangementOf(LocalDate date) => arranged.TryGetValue(date, out var day) ? day.Name : null;

    /// <summary>
    /// The N-th working day after <paramref name="start"/> (the start itself is not counted); a negative
    /// N counts back. Zero returns the start.
    /// </summary>
    public CalendarAnswer<LocalDate> AddWorkingDays(LocalDate start, int workingDays)
    {
        var step = workingDays < 0 ? -1 : 1;
        var remaining = Math.Abs(workingDays);
        var date = start;
        var provisional = !IsPublished(start);
        while (remaining > 0)
        {
            date = date.PlusDays(step);
            provisional |= !IsPublished(date);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return new CalendarAnswer<LocalDate>(date, provisional);
    }

    /// <summary>
    /// The number of working days after <paramref name="from"/> up to and including <paramref name="to"/>;
    /// negative when <paramref name="to"/> is earlier. <c>WorkingDaysBetween(d, AddWorkingDays(d, n))</c> is n.
    /// </summary>
    public CalendarAnswer<int> WorkingDaysBetween(LocalDate from, LocalDate to)
    {
        if (to < from)
        {
            var back = WorkingDaysBetween(to, from);
            return back with { Value = -back.Value };
        }

        var count = 0;
        var provisional = !IsPublished(from);
        for (var date = from.PlusDays(1); date <= to; date = date.PlusDays(1))
        {
            provisional |= !IsPublished(date);
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return new CalendarAnswer<int>(count, provisional);
    }

    /// <summary>The first working day on or after a date.</summary>
    public CalendarAnswer<LocalDate> NextWorkingDayOnOrAfter(LocalDate date)
    {
        var provisional = !IsPublished(date);
        while (!IsWorkingDay(date))
        {
            date = date.PlusDays(1);
            provisional |= !IsPublished(date);
        }

        return new CalendarAnswer<LocalDate>(date, provisional);
    }

    // The State Council publishes one arrangement per year; only its New Year holiday reaches back into the
    // last days of December, so a date from December 20 on belongs to the next year's arrangement.
    private static int ArrangementYear(LocalDate date) => date is { Month: 12, Day: >= 20 } ? date.Year + 1 : date.Year;

    private static WorkingDayCalendar LoadEmbedded()
    {
        using var stream = typeof(WorkingDayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from {typeof(WorkingDayCalendar).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    private static List<ArrangedDay> ParseRows(string csv)
    {
        var days = new List<ArrangedDay>();
        var lines = new Dictionary<LocalDate, int>();
        var lineNumber = 0;
        // A file saved with a byte-order mark would otherwise hide its header.
        foreach (var raw in csv.TrimStart('\uFEFF').Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith("date,", StringComparison.Ordinal))
            {
                continue;
            }

            var fields = line.Split(',', 3);
            if (fields.Length < 2
                || !DateTime.TryParseExact(fields[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                throw new FormatException($"Line {lineNumber}: expected 'yyyy-MM-dd,off|work,name' but found '{line}'.");
            }

            var kind = fields[1] switch
            {
                "off" => DayKind.Off,
                "work" => DayKind.Work,
                _ => throw new FormatException($"Line {lineNumber}: kind must be 'off' or 'work', not '{fields[1]}'."),
            };
            var date = LocalDate.FromDateTime(parsed);
            if (!lines.TryAdd(date, lineNumber))
            {
                throw new FormatException($"Line {lineNumber}: {date:yyyy-MM-dd} is already arranged on line {lines[date]}.");
            }

            days.Add(new ArrangedDay(date, kind, fields.Length > 2 ? fields[2] : string.Empty));
        }

        return days;
    }
}
