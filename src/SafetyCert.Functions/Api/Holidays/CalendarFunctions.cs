using Microsoft.Azure.Functions.Worker;
using SafetyCert.Domain.Calendar;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Holidays;

/// <summary><c>/api/calendar/{year}</c>: the State Council holiday arrangement of a year.</summary>
internal sealed class CalendarFunctions(ApiRequests api, HolidayArrangementStore store, WorkingDayCalendar calendar)
{
    [Function("Calendar_Put")]
    [ApiOperation("Store a year's State Council holiday arrangement")]
    public Task<IResult> PutAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "calendar/{year:int}")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, HolidayArrangementRequest body) =>
            CalendarApi.PutAsync(RouteValues.Int32(year), body, caller, store, calendar, cancellationToken), cancellationToken);

    [Function("Calendar_Get")]
    [ApiOperation("Read a year's working-day calendar and whether its arrangement is stored")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "calendar/{year:int}")] HttpRequest request,
        string year, CancellationToken cancellationToken) =>
        api.HandleAsync(request, _ => CalendarApi.GetAsync(RouteValues.Int32(year), store, calendar, cancellationToken));
}
