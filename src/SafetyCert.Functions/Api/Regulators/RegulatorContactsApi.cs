using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Contacts;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Api.Regulators;

/// <summary>
/// <c>/api/regulators/{regionCode}/{level}</c>: a regulator is its tier over the region it sits in (<c>000000</c> national,
/// <c>xx0000</c> provincial, the city's code municipal; the city itself in Beijing, Tianjin, Shanghai and Chongqing). Its
/// contacts are kept under <c>regulator:{code}:{level}</c>, where the notification sender looks them up.
/// </summary>
internal static class RegulatorContactsApi
{
    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult>> GetContactsAsync(
        string regionCode, string level, Caller caller, ContactBook contacts, CancellationToken ct)
    {
        var (scope, problem) = Find(regionCode, level, caller, write: false);
        return scope is null ? problem! : await ContactsApi.ListAsync(scope, contacts, ct);
    }

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> SaveContactAsync(
        string regionCode, string level, ContactRequest request, Caller caller, ContactBook contacts, CancellationToken ct)
    {
        var (scope, problem) = Find(regionCode, level, caller, write: true);
        return scope is null ? problem! : await ContactsApi.SaveAsync(scope, request, contacts, ct);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveContactAsync(
        string regionCode, string level, string contactId, Caller caller, ContactBook contacts, CancellationToken ct)
    {
        var (scope, problem) = Find(regionCode, level, caller, write: true);
        return scope is null ? problem! : await ContactsApi.RemoveAsync(scope, contactId, contacts, ct);
    }

    /// <summary>
    /// The contact-book scope of the regulator, or the problem: a level that is none (400), a region that is not the seat of
    /// a regulator of that level (404), a caller who may not see it (as for an unknown one); a regulator over its region
    /// reads but does not write (403).
    /// </summary>
    private static (string? Scope, ProblemHttpResult? Problem) Find(string regionCode, string levelName, Caller caller, bool write)
    {
        if (!EnumNames.TryParse<RegulatorLevel>(levelName, ignoreCase: false, out var level))
        {
            return (null, ApiProblems.Invalid("level", new($"“{levelName}”不是监管部门层级（National 国家、Provincial 省级、Municipal 市级）。", $"'{levelName}' is not a regulator level (National, Provincial, Municipal).")));
        }

        var known = regionCode == "000000" || RegionCatalog.Embedded.Contains(regionCode);
        if (!known || Jurisdiction.RegulatorRegion(level, regionCode) != regionCode)
        {
            var seat = known ? $"; the {level} regulator over it sits in {Jurisdiction.RegulatorRegion(level, regionCode)}" : "";
            return (null, ApiProblems.NotFound($"A {level} regulator in region '{regionCode}'{seat}"));
        }

        var keeps = caller.Role == Party.Administrator || (caller.Role == Party.Regulator && caller.Level == level && caller.RegionCode == regionCode);
        var reads = keeps || (caller.Role == Party.Regulator && caller.CoversRegion(regionCode));
        if (!reads)
        {
            return (null, ApiProblems.Unseen($"A {level} regulator in region '{regionCode}'"));
        }

        return keeps || !write
            ? (RecipientScope.Regulator(regionCode, level), null)
            : (null, ApiProblems.Forbidden($"The {level} regulator of {regionCode} keeps its own contacts."));
    }
}
