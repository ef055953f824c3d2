using System.Globalization;

namespace SafetyCert.Host.Functions;

/// <summary>
/// Rewrites a schedule written for Asia/Shanghai into the same instants in UTC. The Functions host on Linux
/// (Flex Consumption included) reads NCRONTAB in UTC and ignores <c>WEBSITE_TIME_ZONE</c>, while the catalog's
/// schedules say Shanghai time; Shanghai is UTC+8 all year, so moving the hour field back by 8 is exact.
/// </summary>
public static class UtcSchedule
{
    /// <summary>Shanghai has kept UTC+8 without daylight saving since 1991.</summary>
    public const int ShanghaiOffsetHours = 8;

    private const int Hours = 24;
    private const int Days = 7;

    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>
    /// The UTC form of a six-field Shanghai schedule (second minute hour day month day-of-week).
    /// Hours that fall on the previous UTC day move a restricted day-of-week back by one; a schedule whose
    /// day-of-month or month is restricted cannot follow such a move and is refused, as is one where only
    /// some of its hours move to the previous day while the day-of-week is restricted.
    /// </summary>
    /// <exception cref="NotSupportedException">The schedule has no exact UTC equivalent; the message names the function.</exception>
    public static string FromShanghai(string functionName, string schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var fields = schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6)
        {
            throw Refuse(functionName, schedule, "it does not have six fields (second minute hour day month day-of-week)");
        }

        var shanghaiHours = Expand(fields[2], 0, Hours - 1, names: null)
            ?? throw Refuse(functionName, schedule, $"its hour field '{fields[2]}' is not numbers, ranges, lists or steps");
        var utcHours = new SortedSet<int>(shanghaiHours.Select(h => (h - ShanghaiOffsetHours + Hours) % Hours));
        if (utcHours.SetEquals(shanghaiHours))
        {
            // Every hour, or a step dividing 8 (*/2, */4, */8): the same hours in either zone.
            return schedule;
        }

        var wrapped = shanghaiHours.Count(h => h < ShanghaiOffsetHours);
        fields[2] = Render(utcHours);
        if (wrapped == 0)
        {
            return string.Join(' ', fields);
        }

        if (IsRestricted(fields[3]))
        {
            throw Refuse(functionName, schedule, "its day-of-month is restricted and some hours fall on the previous day in UTC");
        }

        if (IsRestricted(fields[4]))
        {
            throw Refuse(functionName, schedule, "its month is restricted and some hours fall on the previous day in UTC");
        }

        if (!IsRestricted(fields[5]))
        {
            return string.Join(' ', fields);
        }

        if (wrapped != shanghaiHours.Count)
        {
            throw Refuse(functionName, schedule, "its day-of-week is restricted and only some of its hours fall on the previous day in UTC");
        }

        var days = Expand(fields[5], 0, Days, DayNames)
            ?? throw Refuse(functionName, schedule, $"its day-of-week '{fields[5]}' is not numbers, names, ranges, lists or steps");
        fields[5] = Render(new SortedSet<int>(days.Select(d => (d % Days + Days - 1) % Days)));
        return string.Join(' ', fields);
    }

    private static bool IsRestricted(string field) => field is not ("*" or "?");

    /// <summary>The values a field stands for, or null when it uses syntax with no set of values (L, W, #).</summary>
    private static SortedSet<int>? Expand(string field, int min, int max, string[]? names)
    {
        var values = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 => (r, n),
                _ => (null, 0),
            };
            if (range is null)
            {
                return null;
            }

            int from, to;
            if (range is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b] && Value(a, names) is { } x && Value(b, names) is { } y)
            {
                (from, to) = (x, y);
            }
            else if (Value(range, names) is { } single)
            {
                // "a/n" runs from a to the end of the field.
                (from, to) = (single, part.Contains('/', StringComparison.Ordinal) ? max : single);
            }
            else
            {
                return null;
            }

            if (from < min || to > max || from > to)
            {
                return null;
            }

            for (var v = from; v <= to; v += step)
            {
                values.Add(v);
            }
        }

        return values;
    }

    private static int? Value(string text, string[]? names)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names is null ? -1 : Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index : null;
    }

    /// <summary>Ascending values as a list, with runs of three or more as ranges: 0-4,18,20.</summary>
    private static string Render(SortedSet<int> values)
    {
        var parts = new List<string>();
        var sorted = values.ToList();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            if (j - i >= 2)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}-{sorted[j]}"));
            }
            else
            {
                parts.AddRange(sorted[i..(j + 1)].Select(v => v.ToString(CultureInfo.InvariantCulture)));
            }

            i = j + 1;
        }

        return string.Join(',', parts);
    }

    private static NotSupportedException Refuse(string functionName, string schedule, string why) =>
        new($"Timer function '{functionName}' has the Shanghai schedule '{schedule}', which has no exact UTC equivalent for the Functions host: {why}.");
}
