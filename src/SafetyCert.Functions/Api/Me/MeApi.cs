using Microsoft.AspNetCore.Http.HttpResults;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.ReviewBodies;

namespace SafetyCert.Functions.Api.Me;

/// <summary><c>GET /api/me</c>: who the token says the caller is, named as the console shows it.</summary>
internal static class MeApi
{
    /// <summary>
    /// The enterprise's or review body's registered name; a regulator by its region (宁夏回族自治区应急管理部门); an
    /// administrator as 系统管理员. A token naming a party that is not registered (yet) shows the party's id.
    /// </summary>
    public static async Task<Ok<MeView>> GetAsync(Caller caller, EnterpriseRegistry registry, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var name = caller.Role switch
        {
            Party.Enterprise => (await registry.GetAsync(caller.EnterpriseId!, ct))?.Name ?? caller.EnterpriseId!,
            Party.ReviewOrganization => (await bodies.GetOrganizationAsync(caller.BodyId!, ct))?.Name ?? caller.BodyId!,
            Party.ReviewUnit => (await bodies.FindUnitAsync(caller.BodyId!, ct))?.Name ?? caller.BodyId!,
            Party.Regulator => PartyNames.Regulator(caller.RegionCode!),
            _ => PartyNames.Administrator,
        };
        return TypedResults.Ok(new MeView(caller.Subject, caller.Role, caller.EnterpriseId, caller.BodyId, caller.RegionCode, caller.Level, name));
    }
}
