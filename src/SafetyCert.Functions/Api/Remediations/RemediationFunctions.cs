using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Documents;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Remediations;

/// <summary><c>/api/remediations</c>: remediation orders (RULES.md §4.4), reported done by the enterprise with evidence.</summary>
internal sealed class RemediationFunctions(ApiRequests api, WorkflowClients workflowClients, WorkflowSet workflowSet, DocumentStore documents, IClock clock)
{
    [Function("Remediations_Complete")]
    [ApiOperation("Enterprise reports its findings fixed, with evidence", Example = """{"evidenceDocumentIds":["remediation-evidence-0123456789abcdef0123456789abcdef"]}""")]
    public Task<IResult> CompleteAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "remediations/{id}/completion")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, RemediationCompletionRequest body) =>
            RemediationApi.CompleteAsync(id, body, caller, request.HttpContext, workflowClients.For(durable), workflowSet, documents, clock, cancellationToken), cancellationToken);
}
