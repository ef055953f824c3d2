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
    public Task<IResult> RegisterAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enterprises")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, RegisterEnterpriseRequest body) =>
            EnterpriseApi.RegisterAsync(body, caller, registry, clock, cancellationToken), cancellationToken);

    [Function("Enterprises_Get")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.GetAsync(id, caller, registry, store, cancellationToken));

    [Function("Enterprises_SetLicence")]
    public Task<IResult> SetLicenceAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "enterprises/{id}/licence")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, LicenceRequest body) =>
            EnterpriseApi.SetLicenceAsync(id, body, caller, registry, cancellationToken), cancellationToken);

    [Function("Enterprises_SetConsultingProvider")]
    public Task<IResult> SetConsultingProviderAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "enterprises/{id}/consulting-provider")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ConsultingProviderRequest body) =>
            EnterpriseApi.SetConsultingProviderAsync(id, body, caller, registry, cancellationToken), cancellationToken);

    [Function("Enterprises_GetContacts")]
    public Task<IResult> GetContactsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/contacts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.GetContactsAsync(id, caller, registry, contacts, cancellationToken));

    [Function("Enterprises_SaveContact")]
    public Task<IResult> SaveContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "enterprises/{id}/contacts")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ContactRequest body) =>
            EnterpriseApi.SaveContactAsync(id, body, caller, registry, contacts, cancellationToken), cancellationToken);

    [Function("Enterprises_RemoveContact")]
    public Task<IResult> RemoveContactAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "enterprises/{id}/contacts/{contactId}")] HttpRequest request,
        string id, string contactId, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.RemoveContactAsync(id, contactId, caller, registry, contacts, cancellationToken));

    [Function("Enterprises_Deadlines")]
    [ApiResponse(StatusCodes.Status200OK, "text/calendar")]
    public Task<IResult> DeadlinesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/deadlines.ics")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.DeadlinesAsync(id, caller, registry, workflowClients.For(durable), certificates, citations, clock, cancellationToken));

    [Function("Enterprises_Deliveries")]
    public Task<IResult> DeliveriesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/deliveries")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseApi.DeliveriesAsync(id, caller, registry, deliveries, cancellationToken));

    [Function("Enterprises_Applications")]
    public Task<IResult> ApplicationsAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/applications")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseRecordsApi.ApplicationsAsync(id, caller, registry, applications, bodies, citations, cancellationToken));

    [Function("Enterprises_Certificates")]
    public Task<IResult> CertificatesAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/certificates")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseRecordsApi.CertificatesAsync(id, caller, registry, certificates, summaries, store, clock, cancellationToken));

    [Function("Enterprises_DeadlineList")]
    public Task<IResult> DeadlineListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "enterprises/{id}/deadlines")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => EnterpriseRecordsApi.DeadlinesAsync(id, caller, registry, workflowClients.For(durable), citations, clock, cancellationToken));

    [Function("Enterprises_Search")]
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
