using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Documents;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.SelfAssessments;

/// <summary><c>/api/enterprises/{id}/self-assessments/{year}</c>: an enterprise's yearly self-assessment (RULES.md §2).</summary>
internal sealed class SelfAssessmentFunctions(
    ApiRequests api, WorkflowClients workflowClients, EnterpriseRegistry registry, DocumentStore documents, ProfileCatalog profiles, IClock clock)
{
    [Function("SelfAssessments_Open")]
    [ApiOperation("Open an enterprise's self-assessment year")]
    public Task<IResult> OpenAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enterprises/{id}/self-assessments/{year:int}/open")] HttpRequest request,
        string id, string year, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, OpenSelfAssessmentRequest body) =>
            SelfAssessmentApi.OpenAsync(id, RouteValues.Int32(year), body, caller, registry, profiles, workflowClients.For(durable), clock, cancellationToken), cancellationToken);

    [Function("SelfAssessments_Submit")]
    [ApiOperation("Submit the year's self-assessment report", Example = """{"score":86.5,"selfAssessedGrade":"Level3","postedInternally":true,"appliesForReview":true,"reportDocumentId":"self-assessment-reports-0123456789abcdef0123456789abcdef"}""")]
    public Task<IResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "enterprises/{id}/self-assessments/{year:int}")] HttpRequest request,
        string id, string year, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, SubmitSelfAssessmentRequest body) =>
            SelfAssessmentApi.SubmitAsync(id, RouteValues.Int32(year), body, caller, request.HttpContext, registry, documents, workflowClients.For(durable), clock, cancellationToken),
            cancellationToken);
}
