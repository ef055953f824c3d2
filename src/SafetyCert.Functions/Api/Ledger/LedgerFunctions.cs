using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Ledger;

/// <summary><c>/api/ledger</c>: the supervision ledger (RULES.md §9); filters come from the query.</summary>
internal sealed class LedgerFunctions(
    ApiRequests api, WorkflowClients workflowClients, EnterpriseRegistry registry, CertificateIndex certificates, ProfileCatalog profiles, IClock clock,
    Notifications.RuleCitation citations)
{
    /// <summary>Query: <c>region</c>, <c>level</c>, <c>industry</c>.</summary>
    [Function("Ledger_Get")]
    [ApiOperation("Read the ledger of the region: certified, not certified, newly added")]
    [ApiQuery("region", "Region (six digits); the caller's when absent.")]
    [ApiQuery("level", "Regulator level (National, Provincial, Municipal).")]
    [ApiQuery("industry", "Industry.")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            LedgerApi.GetAsync(caller, request.Query, registry, certificates, workflowClients.For(durable), clock, cancellationToken));

    /// <summary>Query: <c>days</c> (1–366, 90 when absent), <c>region</c>.</summary>
    [Function("Ledger_Expiring")]
    [ApiOperation("List the certificates of the region expiring soon")]
    [ApiQuery("days", "Window in days, 1-366 (90 when absent).", Type = "integer")]
    [ApiQuery("region", "Region (six digits); the caller's when absent.")]
    public Task<IResult> ExpiringAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/expiring")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            LedgerApi.ExpiringAsync(caller, request.Query, certificates, profiles, workflowClients.For(durable), clock, cancellationToken));

    /// <summary>Query: <c>region</c>.</summary>
    [Function("Ledger_Overdue")]
    [ApiOperation("List the overdue deadlines of the region")]
    [ApiQuery("region", "Region (six digits); the caller's when absent.")]
    public Task<IResult> OverdueAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "ledger/overdue")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            LedgerApi.OverdueAsync(caller, request.Query, registry, workflowClients.For(durable), citations, clock, cancellationToken));
}
