using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.SelfAssessments;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Functions.Api.SelfAssessments;

/// <summary><c>/api/enterprises/{id}/self-assessments</c>: an enterprise's yearly self-assessment (RULES.md §2): the year is opened, then the report submitted and kept for eligibility.</summary>
internal static class SelfAssessmentApi
{
    /// <summary>The enterprise (or its regulator, or an administrator) opens the year; opening it again changes nothing.</summary>
    public static async Task<Results<Created<StepResult>, ProblemHttpResult>> OpenAsync(
        string id, int year, OpenSelfAssessmentRequest request, Caller caller, EnterpriseRegistry registry, ProfileCatalog profiles,
        WorkflowClient workflows, IClock clock, CancellationToken ct)
    {
        var (enterprise, problem) = await EnterpriseApi.FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        if (caller.Role is not (Party.Enterprise or Party.Regulator or Party.Administrator))
        {
            return ApiProblems.Forbidden("The enterprise, its regulator or an administrator opens a self-assessment year.");
        }

        var today = ApplicationApi.Today(clock);
        if (year < 2000 || year > today.Year)
        {
            return ApiProblems.Invalid("year", new($"自评年度须在 2000 到 {today.Year} 之间；{year} 不在此范围内。", $"A self-assessment year lies between 2000 and {today.Year}; {year} does not."));
        }

        if ((request.Grade ?? enterprise.Grade) is not { } grade)
        {
            return ApiProblems.Invalid("grade", new($"企业 {id} 尚无等级，请填写其目标等级。", $"Enterprise {id} holds no grade; name the grade it works towards."));
        }

        JurisdictionProfile profile;
        try
        {
            profile = profiles.Resolve(enterprise.RegionCode, enterprise.Industry, new LocalDate(year, 1, 1));
        }
        catch (ProfileNotFoundException e)
        {
            return ApiProblems.Unprocessable("no-profile", "No jurisdiction profile applies", e.Message, new Dictionary<string, object?>());
        }

        var instanceId = SelfAssessmentWorkflow.InstanceId(enterprise.Id, year);
        var opened = new SelfAssessmentYearOpened(enterprise.Id, enterprise.RegionCode, grade, year, profile.Id);
        // One open per year: the event id is the instance's own, so a repeat is recognized as a duplicate.
        var result = await workflows.StartAsync(WorkflowKinds.SelfAssessment, instanceId, opened, $"self-assessment-open-{instanceId}", caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            return ApiProblems.Rejected(result);
        }

        await registry.LinkAsync(enterprise.Id, WorkflowKinds.SelfAssessment, instanceId, ct);
        return TypedResults.Created($"/api/enterprises/{enterprise.Id}/self-assessments/{year}",
            new StepResult(WorkflowKinds.SelfAssessment, instanceId, result.Status, result.Sequence, result.Duplicate));
    }

    /// <summary>
    /// The enterprise submits its report. The report must be a <c>self-assessment-reports</c> document of this
    /// enterprise (else 422); once the workflow accepts it, the report is on file for eligibility (RULES.md §3).
    /// </summary>
    public static async Task<Results<Ok<StepResult>, ProblemHttpResult>> SubmitAsync(
        string id, int year, SubmitSelfAssessmentRequest request, Caller caller, HttpContext http, EnterpriseRegistry registry, DocumentStore documents,
        WorkflowClient workflows, IClock clock, CancellationToken ct)
    {
        var (enterprise, problem) = await EnterpriseApi.FindVisibleAsync(id, caller, registry, ct);
        if (enterprise is null)
        {
            return problem!;
        }

        if (caller.Role is not (Party.Enterprise or Party.Administrator))
        {
            return ApiProblems.Forbidden("An enterprise submits its own self-assessment.");
        }

        if (await DocumentProblemAsync(documents, enterprise.Id, [request.ReportDocumentId], DocumentKinds.SelfAssessmentReports, "reportDocumentId", ct) is { } missing)
        {
            return missing;
        }

        var instanceId = SelfAssessmentWorkflow.InstanceId(enterprise.Id, year);
        var on = request.On ?? ApplicationApi.Today(clock);
        var submitted = new SelfAssessmentSubmitted(on, request.Score, request.SelfAssessedGrade, request.PostedInternally, request.AppliesForReview, request.ReportDocumentId);
        TransitionResult result;
        try
        {
            result = await workflows.ApplyAsync(WorkflowKinds.SelfAssessment, instanceId, submitted, IdempotencyKey.EventId(http, "self-assessment-submit"), caller.Subject, ct);
        }
        catch (WorkflowNotFoundException)
        {
            return ApiProblems.Conflict($"The {year} self-assessment of {enterprise.Id} is not open; open it at /api/enterprises/{enterprise.Id}/self-assessments/{year}/open.");
        }

        if (result.Outcome == Outcome.Rejected)
        {
            return ApiProblems.Rejected(result);
        }

        await registry.SaveSelfAssessmentAsync(enterprise.Id,
            new SelfAssessmentReport(year, on, request.Score, request.SelfAssessedGrade, request.PostedInternally, request.ReportDocumentId), ct);
        return TypedResults.Ok(new StepResult(WorkflowKinds.SelfAssessment, instanceId, result.Status, result.Sequence, result.Duplicate));
    }

    /// <summary>The 422 to answer when any id is not a document of <paramref name="kind"/> owned by the enterprise; null when all are.</summary>
    internal static async Task<ProblemHttpResult?> DocumentProblemAsync(
        DocumentStore documents, string enterpriseId, IEnumerable<string> documentIds, string kind, string field, CancellationToken ct)
    {
        foreach (var documentId in documentIds)
        {
            var document = await documents.GetAsync(enterpriseId, documentId, ct);
            if (document is null || document.Kind != kind)
            {
                return ApiProblems.Unprocessable("unknown-document", "A referenced document does not exist",
                    $"{field}: '{documentId}' is not a {kind} document of enterprise {enterpriseId}.",
                    new Dictionary<string, object?> { ["field"] = field, ["documentId"] = documentId });
            }
        }

        return null;
    }
}
