using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.Holidays;

/// <summary>One row of a published arrangement: a date, <c>off</c> (holiday) or <c>work</c> (adjusted working day), and the holiday's name.</summary>
internal sealed record ArrangementRow(LocalDate Date, string Kind, string Name);

/// <summary>
/// A year's State Council holiday arrangement (RULES.md: every deadline in working days). Rows lie in the year, except
/// adjusted working days of the New Year holiday in late December of the year before; rows from 20 December on belong to the next year.
/// </summary>
internal sealed record HolidayArrangementRequest(IReadOnlyList<ArrangementRow>? Days)
{
    /// <summary>The most rows of one year: they are written in one table transaction.</summary>
    public const int MaxRows = 99;

    /// <summary>The year the route names; the handler sets it and then checks the rows (the shared filter cannot know the year).</summary>
    public int Year { get; init; }

    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (Days is null || Days.Count == 0)
        {
            yield return ("days", new("须至少包含一天安排。", "At least one arranged day is required."));
            yield break;
        }

        if (Days.Count > MaxRows)
        {
            yield return ("days", new($"最多 {MaxRows} 行，收到 {Days.Count} 行。", $"At most {MaxRows} rows; {Days.Count} were sent."));
        }

        var seen = new HashSet<LocalDate>();
        for (var i = 0; i < Days.Count; i++)
        {
            var row = Days[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"days[{i}]");
            if (row is null)
            {
                yield return (field, new("该行为空。", "A row is null."));
                continue;
            }

            // Dates before 1900 are refused when read, so the default date can only mean the field was left out.
            if (row.Date == default)
            {
                yield return (field + ".date", new("日期为必填项（yyyy-MM-dd）。", "The date is required (yyyy-MM-dd)."));
                continue;
            }

            var date = row.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (row.Kind is not ("off" or "work"))
            {
                yield return (field + ".kind", new($"{date}：“{row.Kind}”须为 off（放假）或 work（调休上班）。", $"{date}: '{row.Kind}' is not 'off' or 'work'."));
            }

            if (string.IsNullOrWhiteSpace(row.Name) || row.Name.Length > 50)
            {
                yield return (field + ".name", new($"{date}：节日名称为必填项，1 至 50 个字符。", $"{date}: a holiday name of 1-50 characters is required."));
            }

            if (row.Date.Year == Year - 1 && row.Date is { Month: 12, Day: >= 20 })
            {
                if (row.Kind != "work")
                {
                    yield return (field + ".date", new(
                        $"{date}：{Year - 1} 年 12 月下旬的日期只能作为调休上班日列入 {Year} 年安排。",
                        $"{date}: a day of late December {Year - 1} belongs to the {Year} arrangement only as an adjusted working day."));
                }
            }
            else if (row.Date.Year != Year)
            {
                yield return (field + ".date", new(
                    $"{date} 不在 {Year} 年内（也不是 {Year - 1} 年 12 月 20 日以后的调休上班日）。",
                    $"{date} is not in {Year} (nor an adjusted working day from 20 December {Year - 1})."));
            }
            else if (row.Date is { Month: 12, Day: >= 20 })
            {
                yield return (field + ".date", new(
                    $"{date} 属于 {Year + 1} 年的安排（12 月 20 日以后的日期随下一年元旦假期安排）。",
                    $"{date} belongs to the {Year + 1} arrangement (rows from 20 December on go with the next year's New Year holiday)."));
            }

            if (row.Kind == "work" && row.Date.DayOfWeek is not (IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday))
            {
                yield return (field + ".kind", new($"{date} 不是周末：调休上班日应在周六或周日。", $"{date} is a {row.Date.DayOfWeek}: an adjusted working day falls on a weekend."));
            }

            if (!seen.Add(row.Date))
            {
                yield return (field + ".date", new($"{date} 重复出现。", $"{date} appears more than once."));
            }
        }
    }

    public IEnumerable<ArrangedDay> ArrangedDays() => Days!.Select(d => new ArrangedDay(d.Date, d.Kind == "work" ? DayKind.Work : DayKind.Off, d.Name.Trim()));
}
