using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;

namespace SafetyCert.Functions.Api.SpotChecks;

/// <summary><c>/api/spot-checks/{year}?region=</c>: the yearly spot check of new certificates (RULES.md §9): drawn once per year and region, then read.</summary>
internal static class SpotCheckApi
{
    /// <summary>A regulator draws for its region (or one below it), an administrator for any named region; a repeat returns the stored draw (200 instead of 201).</summary>
    public static async Task<Results<Created<SpotCheckRecord>, Ok<SpotCheckRecord>, ProblemHttpResult>> DrawAsync(
        int year, string? region, Caller caller, SpotCheckBook book, IClock clock, CancellationToken ct)
    {
        var (scope, problem) = Scope(caller, region);
        if (problem is not null)
        {
            return problem;
        }

        var today = ApplicationApi.Today(clock);
        if (year < 2000 || year >= today.Year)
        {
            return ApiProblems.Invalid("year", new(
                $"抽查在年度结束后进行：年份须在 2000 到 {today.Year - 1} 之间；{year} 不在此范围内。",
                $"A year's new certificates are drawn once the year is over: a year from 2000 to {today.Year - 1}; {year} is not."));
        }

        try
        {
            var (record, created) = await book.DrawAsync(year, scope!, today, caller.Subject, ct);
            return created ? TypedResults.Created($"/api/spot-checks/{year}?region={scope}", record) : TypedResults.Ok(record);
        }
        catch (InvalidOperationException e)
        {
            return ApiProblems.Conflict(e.Message);
        }
    }

    public static async Task<Results<Ok<SpotCheckRecord>, ProblemHttpResult>> GetAsync(
        int year, string? region, Caller caller, SpotCheckBook book, CancellationToken ct)
    {
        var (scope, problem) = Scope(caller, region);
        if (problem is not null)
        {
            return problem;
        }

        return await book.GetAsync(year, scope!, ct) is { } record ? TypedResults.Ok(record) : ApiProblems.NotFound($"The {year} spot check of region {scope}");
    }

    private static (string? Region, ProblemHttpResult? Problem) Scope(Caller caller, string? region)
    {
        if (region is not null && !RegionCatalog.Embedded.Contains(region))
        {
            return (null, ApiProblems.Invalid("region", new($"“{region}”不是已知的六位行政区划代码。", $"'{region}' is not a known six-digit region code.")));
        }

        return caller.Role switch
        {
            Party.Administrator when region is null => (null, ApiProblems.Invalid("region", new("管理员须指定地区。", "An administrator names the region."))),
            Party.Administrator => (region, null),
            Party.Regulator when region is null => (caller.RegionCode, null),
            Party.Regulator when caller.CoversRegion(region) => (region, null),
            _ => (null, ApiProblems.Forbidden("Spot checks are drawn and read by a regulator for its own region, or by an administrator.")),
        };
    }
}
