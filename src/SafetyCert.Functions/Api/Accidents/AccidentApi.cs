using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Revocation;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.Search;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Api.Accidents;

internal static class AccidentApi
{
    /// <summary>
    /// The fatal-accident thresholds of every jurisdiction profile, as the domain's revocation rule applies them
    /// (<see cref="RevocationRules.AccidentGrounds"/>): reference data any signed-in caller may read.
    /// </summary>
    public static Ok<IReadOnlyList<RevocationThreshold>> Thresholds(ProfileCatalog profiles, RuleCitation citations)
    {
        var thresholds = profiles.Profiles
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p =>
            {
                var (zh, en) = citations.Cite(p.FatalAccidentDeaths.Source);
                return new RevocationThreshold(p.Id, p.Name, p.EffectiveFrom, p.EffectiveUntil, p.Regions, p.Industries, p.FatalAccidentDeaths.Value, zh, en);
            })
            .ToList();
        return TypedResults.Ok<IReadOnlyList<RevocationThreshold>>(thresholds);
    }

    /// <summary>
    /// The accidents at enterprises of the caller's region (or the region named inside it), newest first. Reads every
    /// accident row (one key range) and every enterprise registration row, to place each accident in its region.
    /// </summary>
    public static async Task<Results<Ok<SearchPage<AccidentListing>>, ProblemHttpResult>> ListAsync(
        IQueryCollection query, Caller caller, EnterpriseRegistry registry, CancellationToken ct)
    {
        var (search, problem) = SearchQuery.Parse(query, caller, certificates: false);
        if (search is null)
        {
            return problem!;
        }

        var enterprises = new Dictionary<string, Enterprise>(StringComparer.Ordinal);
        await foreach (var enterprise in registry.ListAsync(ct))
        {
            if (search.Covers(enterprise.RegionCode) && search.MatchesIndustry(enterprise.Industry) && search.MatchesText(enterprise.Id, enterprise.Name)
                && (search.Grade is not { } grade || enterprise.Grade == grade))
            {
                enterprises[TableKey.Escape(enterprise.Id)] = enterprise;
            }
        }

        var matches = new List<AccidentListing>();
        await foreach (var (key, accident) in registry.AccidentsAsync(ct))
        {
            if (enterprises.TryGetValue(key, out var at))
            {
                matches.Add(new AccidentListing(accident.AccidentId, accident.On, accident.Deaths, accident.ConcealedOrLate, accident.CertificateId, at.Id, at.Name, at.RegionCode, at.Industry));
            }
        }

        return TypedResults.Ok(search.PageOf([.. matches.OrderByDescending(a => a.On).ThenBy(a => a.EnterpriseId, StringComparer.Ordinal).ThenBy(a => a.AccidentId, StringComparer.Ordinal)]));
    }
}
