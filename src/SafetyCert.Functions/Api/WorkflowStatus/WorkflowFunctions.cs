using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.WorkflowStatus;

/// <summary><c>/api/workflows/{kind}/{id}</c>: any workflow instance's status and audit history.</summary>
internal sealed class WorkflowFunctions(ApiRequests api, WorkflowClients workflowClients, EnterpriseRegistry registry, Notifications.RuleCitation citations)
{
    [Function("Workflows_GetStatus")]
    [ApiOperation("Read a workflow's status, deadlines and timers")]
    public Task<IResult> GetStatusAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workflows/{kind}/{id}")] HttpRequest request,
        string kind, string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => WorkflowApi.GetStatusAsync(kind, id, caller, workflowClients.For(durable), registry, citations, cancellationToken));

    /// <summary>Query: <c>from</c> (sequence, 1 when absent), <c>pageSize</c> (1–1000, 100 when absent).</summary>
    [Function("Workflows_GetHistory")]
    [ApiOperation("Read a workflow's history of events")]
    [ApiQuery("from", "First sequence number (1 when absent).", Type = "integer")]
    [ApiQuery("pageSize", "Events per page, 1-1000 (100 when absent).", Type = "integer")]
    public Task<IResult> GetHistoryAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "workflows/{kind}/{id}/history")] HttpRequest request,
        string kind, string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            WorkflowApi.GetHistoryAsync(kind, id, request.Query, caller, workflowClients.For(durable), registry, cancellationToken));
}
