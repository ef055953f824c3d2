using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;

namespace SafetyCert.Functions.Api.Holidays;

/// <summary>
/// <c>/api/calendar/{year}</c>: the State Council holiday arrangements behind every working-day deadline. An administrator enters a year; the host
/// reads the stored years when it starts, so a newly stored year applies to decisions made after the next start
/// (the workflows hold the calendar they were built with, and swapping it under running decisions is not safe).
/// </summary>
internal static class CalendarApi
{
    /// <summary>Replaces a year's arrangement; every bad row is named in one 400 and nothing is stored.</summary>
    public static async Task<Results<Ok<CalendarStatus>, ProblemHttpResult>> PutAsync(
        int year, HolidayArrangementRequest request, Caller caller, HolidayArrangementStore store, WorkingDayCalendar calendar, CancellationToken ct)
    {
        if (caller.Role != Party.Administrator)
        {
            return ApiProblems.Forbidden("Only an administrator enters a holiday arrangement.");
        }

        if (year is < 2000 or > 9998)
        {
            return ApiProblems.Invalid("year", new($"年份须在 2000 到 9998 之间；{year} 不在此范围内。", $"A year from 2000 to 9998; {year} is not."));
        }

        var checkedRequest = request with { Year = year };
        var problems = checkedRequest.Problems().ToList();
        if (problems.Count > 0)
        {
            return ApiProblems.Invalid(problems);
        }

        var days = checkedRequest.ArrangedDays().ToList();
        try
        {
            // The domain's own check of the rows, before anything is written.
            _ = calendar.WithArrangement(year, days);
        }
        catch (ArgumentException e)
        {
            return ApiProblems.Invalid("days", new("这些日期与工作日历的规则不符。", e.Message));
        }

        await store.SaveAsync(year, days, ct);
        return TypedResults.Ok(new CalendarStatus(year, calendar.PublishedYears.Contains(year), true, [.. days.OrderBy(d => d.Date)]));
    }

    /// <summary>Whether a year's arrangement is in force in this host and whether one is stored; any caller may ask.</summary>
    public static async Task<Ok<CalendarStatus>> GetAsync(int year, HolidayArrangementStore store, WorkingDayCalendar calendar, CancellationToken ct)
    {
        var stored = await store.GetAsync(year, ct);
        IReadOnlyList<ArrangedDay> days = stored.Count > 0 ? [.. stored.OrderBy(d => d.Date)] : [.. calendar.ArrangedDays.Where(d => d.Date.Year == year)];
        return TypedResults.Ok(new CalendarStatus(year, calendar.PublishedYears.Contains(year), stored.Count > 0, days));
    }
}
