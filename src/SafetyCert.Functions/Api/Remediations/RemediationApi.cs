using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.SelfAssessments;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Functions.Api.Remediations;

/// <summary><c>/api/remediations</c>: remediation orders (RULES.md §4.4): the enterprise reports them done with evidence.</summary>
internal static class RemediationApi
{
    /// <summary>Only the ordered enterprise (or an administrator) completes; every evidence id must be its <c>remediation-evidence</c> document (else 422).</summary>
    public static async Task<Results<Ok<StepResult>, ProblemHttpResult>> CompleteAsync(
        string id, RemediationCompletionRequest request, Caller caller, HttpContext http, WorkflowClient workflows, WorkflowSet set, DocumentStore documents, IClock clock, CancellationToken ct)
    {
        var status = id.Length is 0 or > TableKey.MaxPartLength ? null : await workflows.GetStatusAsync(WorkflowKinds.Remediation, id, ct);
        if (status is null)
        {
            return ApiProblems.NotFound($"Remediation '{id}'");
        }

        var state = JsonSerializer.Deserialize<RemediationState>(status.StateJson, set.Json.Options)!;
        var enterpriseId = state.EnterpriseId ?? "";
        if (!caller.MaySee(enterpriseId, state.RegionCode ?? ""))
        {
            return ApiProblems.Unseen($"Remediation '{id}'");
        }

        if (!(caller.Role == Party.Administrator || (caller.Role == Party.Enterprise && caller.EnterpriseId == enterpriseId)))
        {
            return ApiProblems.Forbidden($"Remediation {id} is completed by enterprise {enterpriseId}.");
        }

        if (await SelfAssessmentApi.DocumentProblemAsync(documents, enterpriseId, request.EvidenceDocumentIds, DocumentKinds.RemediationEvidence, "evidenceDocumentIds", ct) is { } missing)
        {
            return missing;
        }

        var completed = new RemediationCompleted(request.On ?? ApplicationApi.Today(clock), request.EvidenceDocumentIds);
        var result = await workflows.ApplyAsync(WorkflowKinds.Remediation, id, completed, IdempotencyKey.EventId(http, "remediation-completed"), caller.Subject, ct);
        return result.Outcome == Outcome.Rejected
            ? ApiProblems.Rejected(result)
            : TypedResults.Ok(new StepResult(WorkflowKinds.Remediation, id, result.Status, result.Sequence, result.Duplicate));
    }
}
