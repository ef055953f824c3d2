using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Documents;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary><c>/api/certificates</c>: certificates by id and number, revocation, accidents, the recall and licence steps (RULES.md §5, §7).</summary>
internal sealed class CertificateFunctions(
    ApiRequests api, WorkflowClients workflowClients, CertificateIndex index, CertificateSummaries summaries, EnterpriseRegistry registry, DocumentStore documents, IClock clock,
    WorkflowStore store, SafetyCert.Domain.Profiles.ProfileCatalog profiles, Notifications.RuleCitation citations)
{
    [Function("Certificates_Get")]
    [ApiOperation("Read a certificate with its status and deadlines")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/{id}")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => CertificateApi.GetAsync(id, caller, index, summaries, workflowClients.For(durable), citations, clock, cancellationToken));

    [Function("Certificates_GetByNumber")]
    [ApiOperation("Read a certificate by its number")]
    public Task<IResult> GetByNumberAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates/by-number/{number}")] HttpRequest request,
        string number, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => CertificateApi.GetByNumberAsync(number, caller, index, summaries, workflowClients.For(durable), citations, clock, cancellationToken));

    [Function("Certificates_Revoke")]
    [ApiOperation("Regulator revokes a certificate on written grounds with evidence", Example = """{"grounds":["SafetyFundsShort"],"reason":"2026 年安全生产费用未足额提取。","evidenceDocumentIds":["revocation-evidence-0123456789abcdef0123456789abcdef"]}""")]
    public Task<IResult> RevokeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/revocation")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, RevocationRequest body) =>
            CertificateApi.RevokeAsync(id, body, caller, request.HttpContext, index, registry, documents, workflowClients.For(durable), profiles, clock, cancellationToken), cancellationToken);

    [Function("Certificates_ReportAccident")]
    [ApiOperation("Report an accident at the certified enterprise", Example = """{"on":"2026-03-12","deaths":0,"concealedOrLate":false}""")]
    public Task<IResult> ReportAccidentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/accidents")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, AccidentRequest body) =>
            CertificateApi.ReportAccidentAsync(id, body, caller, request.HttpContext, index, registry, workflowClients.For(durable), cancellationToken), cancellationToken);

    [Function("Certificates_RecordReturn")]
    [ApiOperation("Confirm that the recalled certificate or plaque is back")]
    public Task<IResult> RecordReturnAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/returns")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ReturnRequest body) =>
            CertificateApi.RecordReturnAsync(id, body, caller, request.HttpContext, index, workflowClients.For(durable), clock, cancellationToken), cancellationToken);

    [Function("Certificates_LicenceLapse")]
    [ApiOperation("Record that the enterprise's work-safety licence lapsed (suspends the certificate)")]
    public Task<IResult> LicenceLapseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/licence-lapse")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, LicenceLapseRequest body) =>
            CertificateApi.LicenceStepAsync(id, caller, request.HttpContext, index, registry, workflowClients.For(durable),
                _ => (new LicenceLapsed(body.On ?? ApplicationApi.Today(clock)), null), cancellationToken), cancellationToken);

    [Function("Certificates_LicenceRenewal")]
    [ApiOperation("Record the renewal of the enterprise's licence (restores the certificate)")]
    public Task<IResult> LicenceRenewalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "certificates/{id}/licence-renewal")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, LicenceRenewalRequest body) =>
            CertificateApi.LicenceStepAsync(id, caller, request.HttpContext, index, registry, workflowClients.For(durable),
                _ => (new LicenceRenewed(body.On ?? ApplicationApi.Today(clock), body.ValidUntil!.Value), body.ValidUntil), cancellationToken), cancellationToken);

    [Function("Certificates_Search")]
    [ApiOperation("Search the certificates of the region")]
    [ApiQuery("regionCode", "Region (six digits); the caller's when absent.")]
    [ApiQuery("grade", "Grade (Level1, Level2, Level3, SmallMicro).")]
    [ApiQuery("industry", "Industry; industry-trade covers its trades.")]
    [ApiQuery("status", "Certificate status (Valid, Expired, Suspended, Revoked, ...).")]
    [ApiQuery("expiringBefore", "Keeps last valid days before this date.", Type = "date")]
    [ApiQuery("q", "Matches id, enterprise name or certificate number, case ignored.")]
    [ApiQuery("page", "Page number, from 1.", Type = "integer")]
    [ApiQuery("pageSize", "Items per page, 1-100 (20 when absent).", Type = "integer")]
    public Task<IResult> SearchAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "certificates")] HttpRequest request,
        CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => Search.SearchApi.CertificatesAsync(request.Query, caller, index, summaries, registry, store, clock, cancellationToken));
}
