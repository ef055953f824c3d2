using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Accreditations;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Search;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary><c>/api/review-organizations</c>: review organizations and their units, approved by the regulator of their level (RULES.md §8).</summary>
internal static class ReviewBodyApi
{
    public static async Task<Results<Created<ReviewOrganization>, ProblemHttpResult>> AddOrganizationAsync(
        OrganizationRequest request, Caller caller, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        if (!(caller.Role == Party.Administrator || (caller.Role == Party.Regulator && caller.Level == request.Level && caller.CoversRegion(request.RegionCode))))
        {
            return ApiProblems.Forbidden($"A {request.Level} review organization is approved by the {request.Level} regulator of its region.");
        }

        var organization = new ReviewOrganization(request.Id, request.Name, request.RegionCode, request.Level);
        try
        {
            await bodies.AddOrganizationAsync(organization, ct);
        }
        catch (StorageConflictException)
        {
            return ApiProblems.Conflict($"Review organization {request.Id} exists.");
        }

        return TypedResults.Created($"/api/review-organizations/{organization.Id}", organization);
    }

    public static async Task<Results<Ok<ReviewOrganization>, ProblemHttpResult>> GetOrganizationAsync(string id, Caller caller, ReviewBodyRegistry bodies, CancellationToken ct) =>
        await bodies.GetOrganizationAsync(id, ct) is { } organization ? TypedResults.Ok(organization) : ApiProblems.NotFound($"Review organization '{id}'");

    /// <summary>
    /// The organizations of the caller's region (or the region named inside it) with their units; <c>grade</c> and
    /// <c>industry</c> keep the organizations with a unit approved for them. Reads every organization row, then one
    /// partition per organization whose units are needed (all covered ones when filtering by unit, else the page's).
    /// </summary>
    public static async Task<Results<Ok<SearchPage<ReviewOrganizationListing>>, ProblemHttpResult>> ListOrganizationsAsync(
        IQueryCollection query, Caller caller, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        var (search, problem) = SearchQuery.Parse(query, caller, certificates: false);
        if (search is null)
        {
            return problem!;
        }

        var byUnit = search.Grade is not null || search.Industry is not null;
        var matches = new List<ReviewOrganizationListing>();
        foreach (var organization in (await bodies.OrganizationsAsync(ct)).OrderBy(o => o.RegionCode, StringComparer.Ordinal).ThenBy(o => o.Id, StringComparer.Ordinal))
        {
            if (!search.Covers(organization.RegionCode) || !search.MatchesText(organization.Id, organization.Name))
            {
                continue;
            }

            var units = byUnit ? await bodies.UnitsAsync(organization.Id, ct) : [];
            if (byUnit && !units.Any(u => (search.Grade is not { } grade || u.ApprovedGrades.Contains(grade)) && u.Industries.Any(search.MatchesIndustry)))
            {
                continue;
            }

            matches.Add(new ReviewOrganizationListing(organization.Id, organization.Name, organization.RegionCode, organization.Level, units));
        }

        var page = search.PageOf(matches);
        if (byUnit)
        {
            return TypedResults.Ok(page);
        }

        var items = new List<ReviewOrganizationListing>(page.Items.Count);
        foreach (var organization in page.Items)
        {
            items.Add(organization with { Units = await bodies.UnitsAsync(organization.Id, ct) });
        }

        return TypedResults.Ok(page with { Items = items });
    }

    public static async Task<Results<Ok<IReadOnlyList<ReviewUnit>>, ProblemHttpResult>> UnitsAsync(string id, Caller caller, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        var (organization, problem) = await FindVisibleOrganizationAsync(id, caller, bodies, ct);
        return organization is null ? problem! : TypedResults.Ok(await bodies.UnitsAsync(id, ct));
    }

    /// <summary>
    /// The organization if it exists and the caller may see its units and work: the organization itself, a regulator
    /// covering its region, an administrator. Otherwise the 404 or 403 to answer.
    /// </summary>
    internal static async Task<(ReviewOrganization? Organization, ProblemHttpResult? Problem)> FindVisibleOrganizationAsync(
        string id, Caller caller, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        var organization = await bodies.GetOrganizationAsync(id, ct);
        if (organization is null)
        {
            return (null, ApiProblems.NotFound($"Review organization '{id}'"));
        }

        return caller.Role == Party.Administrator || caller.BodyId == id || (caller.Role == Party.Regulator && caller.CoversRegion(organization.RegionCode))
            ? (organization, null)
            : (null, ApiProblems.Unseen($"Review organization '{id}'"));
    }

    /// <summary>
    /// The unit if it exists and the caller may see its work: the unit itself, its organization, an administrator.
    /// Otherwise the 404 or 403 to answer.
    /// </summary>
    internal static async Task<(ReviewUnit? Unit, ProblemHttpResult? Problem)> FindVisibleUnitAsync(string unitId, Caller caller, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        var unit = await bodies.FindUnitAsync(unitId, ct);
        if (unit is null)
        {
            return (null, ApiProblems.NotFound($"Review unit '{unitId}'"));
        }

        var allowed = caller.Role switch
        {
            Party.Administrator => true,
            Party.ReviewUnit => caller.BodyId == unit.Id,
            Party.ReviewOrganization => caller.BodyId == unit.OrganizationId,
            _ => false,
        };
        // To anyone else the unit answers as one that does not exist.
        return allowed ? (unit, null) : (null, ApiProblems.Unseen($"Review unit '{unitId}'"));
    }

    /// <summary>The regulator of the organization's level approves a unit; a new accreditation starts its workflow (reminders, lapse).</summary>
    public static async Task<Results<Ok<ReviewUnit>, ProblemHttpResult>> SaveUnitAsync(
        string id, string unitId, UnitRequest request, Caller caller, HttpContext http, ReviewBodyRegistry bodies, WorkflowClient workflows, ProfileCatalog profiles, IClock clock, CancellationToken ct)
    {
        var organization = await bodies.GetOrganizationAsync(id, ct);
        if (organization is null)
        {
            return ApiProblems.NotFound($"Review organization '{id}'");
        }

        if (!(caller.Role == Party.Administrator || (caller.Role == Party.Regulator && caller.Level == organization.Level && caller.CoversRegion(organization.RegionCode))))
        {
            return ApiProblems.Forbidden($"Units of {id} are approved by the {organization.Level} regulator of region {organization.RegionCode}.");
        }

        if (request.Id != unitId)
        {
            return ApiProblems.Invalid("id", new($"请求体中的编号“{request.Id}”与路径中的“{unitId}”不一致。", $"The body's id '{request.Id}' differs from the path's '{unitId}'."));
        }

        // A unit id names one unit: the same id under a second organization could not be told apart in draws and tokens.
        if (await bodies.OwnerOfUnitAsync(unitId, ct) is { } owner && owner != id)
        {
            return ApiProblems.Conflict($"Review unit id '{unitId}' is registered under another review organization; unit ids are unique across organizations.");
        }

        var today = ApplicationApi.Today(clock);
        var industry = request.Industries.FirstOrDefault(i => i != Industries.All, Industries.Other);
        JurisdictionProfile profile;
        try
        {
            profile = profiles.Resolve(organization.RegionCode, industry, today);
        }
        catch (ProfileNotFoundException e)
        {
            return ApiProblems.Invalid("industries", new("所在地区没有适用于这些行业的管辖规则。", e.Message));
        }

        var unit = new ReviewUnit(unitId, id, request.Name, request.ApprovedGrades, request.Industries, request.AccreditedThrough!.Value, request.Consulting ?? []);
        var started = await workflows.StartAsync(WorkflowKinds.Accreditation, unitId, new AccreditationGranted(unitId, organization.RegionCode, request.ApprovedGrades.Min(), profile.Id, today), IdempotencyKey.EventId(http, "accredit"), caller.Subject, ct);
        if (started.Outcome == Outcome.Rejected)
        {
            return ApiProblems.Rejected(started);
        }

        if (await bodies.ClaimUnitAsync(unitId, id, ct) != id)
        {
            return ApiProblems.Conflict($"Review unit id '{unitId}' is registered under another review organization; unit ids are unique across organizations.");
        }

        await bodies.SaveUnitAsync(unit, ct);
        return TypedResults.Ok(unit);
    }
}
