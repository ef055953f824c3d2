using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>
/// <c>/api/review-organizations</c>: review organizations and their units, approved by the regulator of their level (RULES.md §8);
/// an organization's queue and a unit's assignments (<c>/api/review-units/{unitId}/assignments</c>).
/// </summary>
internal sealed class ReviewBodyFunctions(
    ApiRequests api, WorkflowClients workflowClients, ReviewBodyRegistry bodies, ProfileCatalog profiles, IClock clock,
    ApplicationViews applications, EnterpriseRegistry registry, WorkingDayCalendar calendar, ContactBook contacts)
{
    [Function("ReviewOrganizations_Add")]
    [ApiOperation("Register a review organization", Example = """{"id":"nx-review-center","name":"宁夏安全生产标准化评审中心","regionCode":"640000","level":"Provincial"}""")]
    public Task<IResult> AddOrganizationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "review-organizations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, OrganizationRequest body) =>
            ReviewBodyApi.AddOrganizationAsync(body, caller, bodies, cancellationToken), cancellationToken);

    [Function("ReviewOrganizations_List")]
    [ApiOperation("List the review organizations of the region with their units")]
    [ApiQuery("regionCode", "Region (six digits); the caller's when absent.")]
    [ApiQuery("grade", "Only organizations with a unit approved for this grade (Level1, Level2, Level3, SmallMicro).")]
    [ApiQuery("industry", "Only organizations with a unit for this industry; industry-trade covers its trades.")]
    [ApiQuery("q", "Matches id or name, case ignored.")]
    [ApiQuery("page", "Page number, from 1.", Type = "integer")]
    [ApiQuery("pageSize", "Items per page, 1-100 (20 when absent).", Type = "integer")]
    public Task<IResult> ListOrganizationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-organizations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewBodyApi.ListOrganizationsAsync(request.Query, caller, bodies, cancellationToken));

    [Function("ReviewOrganizations_Get")]
    [ApiOperation("Read a review organization")]
    public Task<IResult> GetOrganizationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-organizations/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewBodyApi.GetOrganizationAsync(id, caller, bodies, cancellationToken));

    [Function("ReviewOrganizations_Units")]
    [ApiOperation("List a review organization's units")]
    public Task<IResult> UnitsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-organizations/{id}/units")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewBodyApi.UnitsAsync(id, caller, bodies, cancellationToken));

    [Function("ReviewOrganizations_SaveUnit")]
    [ApiOperation("Register or change a review unit of an organization", Example = """{"id":"nx-unit-1","name":"宁夏示例评审有限公司","approvedGrades":["Level2","Level3"],"industries":["chemicals"],"accreditedThrough":"2027-12-31","consulting":[]}""")]
    public Task<IResult> SaveUnitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "review-organizations/{id}/units/{unitId}")] HttpRequest request,
        string id, string unitId, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, UnitRequest body) =>
            ReviewBodyApi.SaveUnitAsync(id, unitId, body, caller, request.HttpContext, bodies, workflowClients.For(durable), profiles, clock, cancellationToken), cancellationToken);

    [Function("ReviewOrganizations_Queue")]
    [ApiOperation("List a review organization's applications with their deadlines")]
    [ApiQuery("stage", "Only applications at this stage; an unknown stage is a 400.")]
    public Task<IResult> QueueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-organizations/{id}/queue")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewQueueApi.QueueAsync(id, request.Query, caller, bodies, applications, registry, calendar, clock, cancellationToken));

    [Function("ReviewUnits_Assignments")]
    [ApiOperation("List a review unit's assigned applications")]
    [ApiQuery("stage", "Only applications at this stage; an unknown stage is a 400.")]
    public Task<IResult> AssignmentsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-units/{unitId}/assignments")] HttpRequest request,
        string unitId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewQueueApi.AssignmentsAsync(unitId, request.Query, caller, bodies, applications, registry, calendar, clock, cancellationToken));

    [Function("ReviewOrganizations_GetContacts")]
    [ApiOperation("List a review organization's notification channels")]
    public Task<IResult> GetOrganizationContactsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-organizations/{id}/contacts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewBodyContactsApi.GetOrganizationContactsAsync(id, caller, bodies, contacts, cancellationToken));

    [Function("ReviewOrganizations_SaveContact")]
    [ApiOperation("Add or change a notification channel of a review organization")]
    public Task<IResult> SaveOrganizationContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "review-organizations/{id}/contacts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ContactRequest body) =>
            ReviewBodyContactsApi.SaveOrganizationContactAsync(id, body, caller, bodies, contacts, cancellationToken), cancellationToken);

    [Function("ReviewOrganizations_RemoveContact")]
    [ApiOperation("Remove one of a review organization's notification channels")]
    public Task<IResult> RemoveOrganizationContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "review-organizations/{id}/contacts/{contactId}")] HttpRequest request,
        string id, string contactId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewBodyContactsApi.RemoveOrganizationContactAsync(id, contactId, caller, bodies, contacts, cancellationToken));

    [Function("ReviewUnits_GetContacts")]
    [ApiOperation("List a review unit's notification channels")]
    public Task<IResult> GetUnitContactsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "review-organizations/{id}/units/{unitId}/contacts")] HttpRequest request,
        string id, string unitId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewBodyContactsApi.GetUnitContactsAsync(id, unitId, caller, bodies, contacts, cancellationToken));

    [Function("ReviewUnits_SaveContact")]
    [ApiOperation("Add or change a notification channel of a review unit")]
    public Task<IResult> SaveUnitContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "review-organizations/{id}/units/{unitId}/contacts")] HttpRequest request,
        string id, string unitId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ContactRequest body) =>
            ReviewBodyContactsApi.SaveUnitContactAsync(id, unitId, body, caller, bodies, contacts, cancellationToken), cancellationToken);

    [Function("ReviewUnits_RemoveContact")]
    [ApiOperation("Remove one of a review unit's notification channels")]
    public Task<IResult> RemoveUnitContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "review-organizations/{id}/units/{unitId}/contacts/{contactId}")] HttpRequest request,
        string id, string unitId, string contactId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ReviewBodyContactsApi.RemoveUnitContactAsync(id, unitId, contactId, caller, bodies, contacts, cancellationToken));
}
