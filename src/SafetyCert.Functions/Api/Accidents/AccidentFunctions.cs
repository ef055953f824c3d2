using Microsoft.Azure.Functions.Worker;
using SafetyCert.Domain.Profiles;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.Reference;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Functions.Api.Accidents;

/// <summary>
/// <c>/api/accidents</c>: the accidents reported at certified enterprises (RULES.md §7.2–§7.3), as a regulator reviews them
/// for its region. An accident is reported against a certificate (<c>POST /api/certificates/{id}/accidents</c>).
/// </summary>
internal sealed class AccidentFunctions(ApiRequests api, EnterpriseRegistry registry, ProfileCatalog profiles, RuleCitation citations)
{
    [Function("Accidents_Thresholds")]
    [ApiOperation("Deaths in one accident that revoke a certificate, per profile and grade")]
    public Task<IResult> ThresholdsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "accidents/thresholds")] HttpRequest request) =>
        api.HandleAsync(request, _ => Task.FromResult(AccidentApi.Thresholds(profiles, citations)));

    [Function("Accidents_List")]
    [ApiOperation("List the accidents at enterprises of the region, newest first")]
    [ApiQuery("regionCode", "Region (six digits) of the enterprises; the caller's when absent.")]
    [ApiQuery("grade", "The enterprise's recorded grade (Level1, Level2, Level3, SmallMicro).")]
    [ApiQuery("industry", "The enterprise's industry; industry-trade covers its trades.")]
    [ApiQuery("q", "Matches the enterprise's id or name, case ignored.")]
    [ApiQuery("page", "Page number, from 1.", Type = "integer")]
    [ApiQuery("pageSize", "Items per page, 1-100 (20 when absent).", Type = "integer")]
    public Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "accidents")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => AccidentApi.ListAsync(request.Query, caller, registry, cancellationToken));
}
