using Microsoft.Azure.Functions.Worker;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Me;

/// <summary><c>/api/me</c>: the signed-in caller.</summary>
internal sealed class MeFunctions(ApiRequests api, EnterpriseRegistry registry, ReviewBodyRegistry bodies)
{
    [Function("Me_Get")]
    [ApiOperation("Read the signed-in caller: role, scope and name")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => MeApi.GetAsync(caller, registry, bodies, cancellationToken));
}
