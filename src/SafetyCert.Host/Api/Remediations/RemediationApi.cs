using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Workflows;
using SafetyCert.Host.Access;
using SafetyCert.Host.Api.Applications;
using SafetyCert.Host.Api.SelfAssessments;
using SafetyCert.Host.Documents;

namespace SafetyCert.Host.Api.Remediations;

/// <summary>Remediation orders (RULES.md §4.4): the enterprise reports them done with evidence.</summary>
internal static class RemediationApi
{
    public static IEndpointRouteBuilder MapRemediationApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/remediations").WithTags("Remediations").MapPost("/{id}/completion", CompleteAsync);
        return routes;
    }

    /// <summary>Only the ordered enterprise (or an administrator) completes; every evidence id must be its <c>remediation-evidence</c> document (else 422).</summary>
    public static async Task<Results<Ok<StepResult>, ProblemHttpResult>> CompleteAsync(
        string id, RemediationCompletionRequest request, Caller caller, HttpContext http, WorkflowEngine engine, DocumentStore documents, IClock clock, CancellationToken ct)
    {
        var status = id.Length is 0 or > TableKey.MaxPartLength ? null : await engine.GetStatusAsync(WorkflowKinds.Remediation, id, ct);
        if (status is null)
        {
            return ApiProblems.NotFound($"Remediation '{id}'");
        }

        var state = JsonSerializer.Deserialize<RemediationState>(status.StateJson, engine.Json.Options)!;
        var enterpriseId = state.EnterpriseId ?? "";
        if (!(caller.Role == Party.Administrator || (caller.Role == Party.Enterprise && caller.EnterpriseId == enterpriseId)))
        {
            return ApiProblems.Forbidden($"Remediation {id} is completed by enterprise {enterpriseId}.");
        }

        if (await SelfAssessmentApi.DocumentProblemAsync(documents, enterpriseId, request.EvidenceDocumentIds, DocumentKinds.RemediationEvidence, "evidenceDocumentIds", ct) is { } missing)
        {
            return missing;
        }

        var completed = new RemediationCompleted(request.On ?? ApplicationApi.Today(clock), request.EvidenceDocumentIds);
        var result = await engine.ApplyAsync(WorkflowKinds.Remediation, id, completed, IdempotencyKey.EventId(http, "remediation-completed"), caller.Subject, ct);
        return result.Outcome == Outcome.Rejected
            ? ApiProblems.Rejected(result)
            : TypedResults.Ok(new StepResult(WorkflowKinds.Remediation, id, result.Status, result.Sequence, result.Duplicate));
    }
}
