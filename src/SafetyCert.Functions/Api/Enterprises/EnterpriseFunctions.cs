using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary><c>/api/enterprises</c>: registration, licence, consulting provider, contacts, applications, certificates, deadlines (list and feed), delivery status.</summary>
internal sealed class EnterpriseFunctions(
    ApiRequests api, WorkflowClients workflowClients, EnterpriseRegistry registry, ContactBook contacts, DeliveryStatusQuery deliveries, IClock clock,
    WorkflowStore store, ApplicationViews applications, ReviewBodyRegistry bodies, CertificateIndex certificates, CertificateSummaries summaries,
    RuleCitation citations)
{
    [Function("Enterprises_Register")]
    [ApiOperation("Register an enterprise by its unified social credit code", Example = """{"code":"91640100MA76XQ124H","name":"宁夏示例化工有限公司","regionCode":"640100","industry":"chemicals","licenceRequired":true,"licenceValidUntil":"2028-12-31","consultingProvider":"示例咨询有限公司"}""")]
    public Task<IResult> RegisterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enterprises")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, RegisterEnterpriseRequest body) =>
            EnterpriseApi.RegisterAsync(body, caller, registry, clock, cancellationToken), cancellationToken);

    [Function("Enterprises_Get")]
    [ApiOperation("Read an enterprise with its current grade")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.GetAsync(id, caller, registry, store, cancellationToken));

    [Function("Enterprises_SetLicence")]
    [ApiOperation("Set the enterprise's work-safety licence")]
    public Task<IResult> SetLicenceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "enterprises/{id}/licence")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, LicenceRequest body) =>
            EnterpriseApi.SetLicenceAsync(id, body, caller, registry, cancellationToken), cancellationToken);

    [Function("Enterprises_SetConsultingProvider")]
    [ApiOperation("Set the enterprise's consulting provider")]
    public Task<IResult> SetConsultingProviderAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "enterprises/{id}/consulting-provider")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ConsultingProviderRequest body) =>
            EnterpriseApi.SetConsultingProviderAsync(id, body, caller, registry, cancellationToken), cancellationToken);

    [Function("Enterprises_GetContacts")]
    [ApiOperation("List an enterprise's notification channels")]
    public Task<IResult> GetContactsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/contacts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.GetContactsAsync(id, caller, registry, contacts, cancellationToken));

    [Function("Enterprises_SaveContact")]
    [ApiOperation("Add or change a notification channel of an enterprise")]
    public Task<IResult> SaveContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "enterprises/{id}/contacts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ContactRequest body) =>
            EnterpriseApi.SaveContactAsync(id, body, caller, registry, contacts, cancellationToken), cancellationToken);

    [Function("Enterprises_RemoveContact")]
    [ApiOperation("Remove one of an enterprise's notification channels")]
    public Task<IResult> RemoveContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "enterprises/{id}/contacts/{contactId}")] HttpRequest request,
        string id, string contactId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.RemoveContactAsync(id, contactId, caller, registry, contacts, cancellationToken));

    [Function("Enterprises_Deadlines")]
    [ApiOperation("Subscribe to an enterprise's deadlines as an iCalendar feed")]
    [ApiResponse(StatusCodes.Status200OK, "text/calendar")]
    public Task<IResult> DeadlinesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/deadlines.ics")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.DeadlinesAsync(id, caller, registry, workflowClients.For(durable), certificates, citations, clock, cancellationToken));

    [Function("Enterprises_Deliveries")]
    [ApiOperation("List the notices sent to an enterprise")]
    public Task<IResult> DeliveriesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/deliveries")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.DeliveriesAsync(id, caller, registry, deliveries, cancellationToken));

    [Function("Enterprises_Applications")]
    [ApiOperation("List an enterprise's applications")]
    public Task<IResult> ApplicationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/applications")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseRecordsApi.ApplicationsAsync(id, caller, registry, applications, bodies, citations, cancellationToken));

    [Function("Enterprises_Certificates")]
    [ApiOperation("List an enterprise's certificates")]
    public Task<IResult> CertificatesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/certificates")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseRecordsApi.CertificatesAsync(id, caller, registry, certificates, summaries, store, clock, cancellationToken));

    [Function("Enterprises_DeadlineList")]
    [ApiOperation("List an enterprise's deadlines")]
    public Task<IResult> DeadlineListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/deadlines")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseRecordsApi.DeadlinesAsync(id, caller, registry, workflowClients.For(durable), citations, clock, cancellationToken));

    [Function("Enterprises_Search")]
    [ApiOperation("Search the enterprises of the region")]
    [ApiQuery("regionCode", "Region (six digits); the caller's when absent.")]
    [ApiQuery("grade", "Current grade (Level1, Level2, Level3, SmallMicro).")]
    [ApiQuery("industry", "Industry; industry-trade covers its trades.")]
    [ApiQuery("q", "Matches id or name, case ignored.")]
    [ApiQuery("page", "Page number, from 1.", Type = "integer")]
    [ApiQuery("pageSize", "Items per page, 1-100 (20 when absent).", Type = "integer")]
    public Task<IResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => Search.SearchApi.EnterprisesAsync(request.Query, caller, registry, store, cancellationToken));
}
