using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Contacts;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>
/// The notification contacts of review organizations and review units. An organization's are kept under the scope of its
/// tier over its region (<c>review-organization:{code}:{level}</c>), because that is how every notice to a review
/// organization is addressed (RULES.md §1: the tier that announces the grade); two organizations of one tier and region
/// share them. A unit's are kept under <c>review-unit:{unitId}</c>.
/// </summary>
internal static class ReviewBodyContactsApi
{
    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult>> GetOrganizationContactsAsync(
        string id, Caller caller, ReviewBodyRegistry bodies, ContactBook contacts, CancellationToken ct)
    {
        var (organization, problem) = await ReviewBodyApi.FindVisibleOrganizationAsync(id, caller, bodies, ct);
        return organization is null ? problem! : await ContactsApi.ListAsync(Scope(organization), contacts, ct);
    }

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> SaveOrganizationContactAsync(
        string id, ContactRequest request, Caller caller, ReviewBodyRegistry bodies, ContactBook contacts, CancellationToken ct)
    {
        var (organization, problem) = await ReviewBodyApi.FindVisibleOrganizationAsync(id, caller, bodies, ct);
        if (organization is null)
        {
            return problem!;
        }

        return KeepsOwn(caller, Party.ReviewOrganization, organization.Id)
            ? await ContactsApi.SaveAsync(Scope(organization), request, contacts, ct)
            : ApiProblems.Forbidden($"Review organization {id} keeps its own contacts.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveOrganizationContactAsync(
        string id, string contactId, Caller caller, ReviewBodyRegistry bodies, ContactBook contacts, CancellationToken ct)
    {
        var (organization, problem) = await ReviewBodyApi.FindVisibleOrganizationAsync(id, caller, bodies, ct);
        if (organization is null)
        {
            return problem!;
        }

        return KeepsOwn(caller, Party.ReviewOrganization, organization.Id)
            ? await ContactsApi.RemoveAsync(Scope(organization), contactId, contacts, ct)
            : ApiProblems.Forbidden($"Review organization {id} keeps its own contacts.");
    }

    public static async Task<Results<Ok<IReadOnlyList<ContactView>>, ProblemHttpResult>> GetUnitContactsAsync(
        string id, string unitId, Caller caller, ReviewBodyRegistry bodies, ContactBook contacts, CancellationToken ct)
    {
        var (unit, problem) = await FindUnitAsync(id, unitId, caller, bodies, ct);
        return unit is null ? problem! : await ContactsApi.ListAsync(RecipientScope.ReviewUnit(unit.Id), contacts, ct);
    }

    public static async Task<Results<Ok<ContactView>, ProblemHttpResult>> SaveUnitContactAsync(
        string id, string unitId, ContactRequest request, Caller caller, ReviewBodyRegistry bodies, ContactBook contacts, CancellationToken ct)
    {
        var (unit, problem) = await FindUnitAsync(id, unitId, caller, bodies, ct);
        if (unit is null)
        {
            return problem!;
        }

        return KeepsOwn(caller, Party.ReviewUnit, unit.Id) || KeepsOwn(caller, Party.ReviewOrganization, unit.OrganizationId)
            ? await ContactsApi.SaveAsync(RecipientScope.ReviewUnit(unit.Id), request, contacts, ct)
            : ApiProblems.Forbidden($"Review unit {unitId} or its organization keeps the unit's contacts.");
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveUnitContactAsync(
        string id, string unitId, string contactId, Caller caller, ReviewBodyRegistry bodies, ContactBook contacts, CancellationToken ct)
    {
        var (unit, problem) = await FindUnitAsync(id, unitId, caller, bodies, ct);
        if (unit is null)
        {
            return problem!;
        }

        return KeepsOwn(caller, Party.ReviewUnit, unit.Id) || KeepsOwn(caller, Party.ReviewOrganization, unit.OrganizationId)
            ? await ContactsApi.RemoveAsync(RecipientScope.ReviewUnit(unit.Id), contactId, contacts, ct)
            : ApiProblems.Forbidden($"Review unit {unitId} or its organization keeps the unit's contacts.");
    }

    private static string Scope(ReviewOrganization organization) => RecipientScope.ReviewOrganization(organization.RegionCode, organization.Level);

    /// <summary>An administrator, or the body itself acting in its role.</summary>
    private static bool KeepsOwn(Caller caller, Party role, string bodyId) =>
        caller.Role == Party.Administrator || (caller.Role == role && caller.BodyId == bodyId);

    /// <summary>
    /// The unit of the organization if both exist and the caller may see it: the unit itself, or whoever may see the
    /// organization's units (the organization, a regulator over its region, an administrator).
    /// </summary>
    private static async Task<(ReviewUnit? Unit, ProblemHttpResult? Problem)> FindUnitAsync(string id, string unitId, Caller caller, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        var organization = await bodies.GetOrganizationAsync(id, ct);
        var unit = organization is null || unitId.Length is 0 or > Storage.TableKey.MaxPartLength ? null : await bodies.FindUnitAsync(id, unitId, ct);
        if (unit is null)
        {
            return (null, ApiProblems.NotFound(organization is null ? $"Review organization '{id}'" : $"Review unit '{unitId}' of {id}"));
        }

        if (caller.Role == Party.ReviewUnit && caller.BodyId == unit.Id)
        {
            return (unit, null);
        }

        var (visible, problem) = await ReviewBodyApi.FindVisibleOrganizationAsync(id, caller, bodies, ct);
        return visible is null ? (null, problem) : (unit, null);
    }
}
