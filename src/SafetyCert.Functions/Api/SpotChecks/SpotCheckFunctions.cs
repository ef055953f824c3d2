using Microsoft.Azure.Functions.Worker;
using NodaTime;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.SpotChecks;

/// <summary><c>/api/spot-checks/{year}?region=</c>: the yearly spot check of new certificates (RULES.md §9).</summary>
internal sealed class SpotCheckFunctions(ApiRequests api, SpotCheckBook book, IClock clock)
{
    [Function("SpotChecks_Draw")]
    [ApiOperation("Draw the year's spot checks of new certificates")]
    public Task<IResult> DrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "spot-checks/{year:int}")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            SpotCheckApi.DrawAsync(RouteValues.Int32(year), ApiQuery.Text(request.Query, "region"), caller, book, clock, cancellationToken));

    [Function("SpotChecks_Get")]
    [ApiOperation("Read a year's spot-check draw")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "spot-checks/{year:int}")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            SpotCheckApi.GetAsync(RouteValues.Int32(year), ApiQuery.Text(request.Query, "region"), caller, book, cancellationToken));
}
