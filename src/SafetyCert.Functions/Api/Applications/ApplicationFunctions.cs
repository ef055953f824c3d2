using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Api.Applications;

/// <summary><c>/api/applications</c>: grading applications and every step of their timeline (RULES.md §3–§4), each recorded by the party that owns it.</summary>
internal sealed class ApplicationFunctions(
    ApiRequests api, WorkflowClients workflowClients, WorkflowSet workflowSet, EnterpriseRegistry registry, CertificateIndex certificates,
    ReviewBodyRegistry bodies, ProfileCatalog profiles, IClock clock)
{
    [Function("Applications_Submit")]
    [ApiOperation("Submit an application for a grade", Example = """{"enterpriseId":"91640100MA76XQ124H","kind":"Initial","grade":"Level3","systemRunningSince":"2025-06-01","postAndProfessionalStandardizationDone":true,"dualPreventionInPlace":true}""")]
    public Task<IResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, SubmitApplicationRequest body) =>
            ApplicationApi.SubmitAsync(body, caller, request.HttpContext, registry, certificates, profiles, workflowClients.For(durable), workflowSet, clock, cancellationToken), cancellationToken);

    /// <summary>What a renewal filed today would get: every fast-track condition with its reason and source. Writes nothing.</summary>
    [Function("Applications_FastTrackAssessment")]
    [ApiOperation("Check whether a renewal qualifies for the fast track")]
    public Task<IResult> FastTrackAssessmentAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/fast-track-assessment")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, SubmitApplicationRequest body) =>
            ApplicationApi.AssessFastTrackAsync(body, caller, registry, certificates, profiles, workflowClients.For(durable), workflowSet, clock, cancellationToken), cancellationToken);

    [Function("Applications_CheckEligibility")]
    [ApiOperation("Check whether an enterprise may apply for a grade, condition by condition")]
    public Task<IResult> CheckEligibilityAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/eligibility")] HttpRequest request,
        [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, SubmitApplicationRequest body) =>
            ApplicationApi.CheckEligibilityAsync(body, caller, registry, certificates, profiles, workflowClients.For(durable), workflowSet, clock, cancellationToken), cancellationToken);

    [Function("Applications_Get")]
    [ApiOperation("Read an application with its status and deadlines")]
    public Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ApplicationApi.GetAsync(id, caller, workflowClients.For(durable), workflowSet, cancellationToken));

    [Function("Applications_MaterialReview")]
    [ApiOperation("Review organization accepts or rejects the application materials", Example = """{"accepted":false,"reasons":"缺少安全生产许可证复印件。"}""")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> MaterialReviewAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/material-review")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.ReviewOrganization, durable, (MaterialReviewRequest r, LocalDate today) => r.Accepted
            ? new MaterialReviewAccepted(r.On ?? today)
            : new MaterialReviewRejected(r.On ?? today, r.Reasons!), cancellationToken);

    /// <summary>The organization confirms a renewal that met every fast-track condition: no on-site review (RULES.md §6 [001 art.17]).</summary>
    [Function("Applications_FastTrackConfirmation")]
    [ApiOperation("Review organization confirms or refuses the fast track of a renewal")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> FastTrackConfirmationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/fast-track-confirmation")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.ReviewOrganization, durable, (StepRequest r, LocalDate today) => new FastTrackConfirmed(r.On ?? today), cancellationToken);

    [Function("Applications_Draw")]
    [ApiOperation("Draw the review unit at random")]
    public Task<IResult> DrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/draw")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller =>
            ApplicationApi.DrawAsync(id, caller, request.HttpContext, workflowClients.For(durable), workflowSet, bodies, registry, clock, cancellationToken));

    [Function("Applications_GetDraw")]
    [ApiOperation("Read the draw of an application: candidates, exclusions and the unit chosen")]
    public Task<IResult> GetDrawAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "applications/{id}/draw")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, caller => ApplicationApi.GetDrawAsync(id, caller, workflowClients.For(durable), workflowSet, bodies, cancellationToken));

    [Function("Applications_RemediationStart")]
    [ApiOperation("Start a remediation pause of the review")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> RemediationStartAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/remediation-start")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.ReviewUnit, durable, (StepRequest r, LocalDate today) => new RemediationStarted(r.On ?? today), cancellationToken);

    [Function("Applications_RemediationEnd")]
    [ApiOperation("End the remediation pause of the review")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> RemediationEndAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/remediation-end")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.ReviewUnit, durable, (StepRequest r, LocalDate today) => new RemediationEnded(r.On ?? today), cancellationToken);

    [Function("Applications_Report")]
    [ApiOperation("Review unit submits its review report", Example = """{"passed":true,"findings":"现场评审得分 82 分，符合三级要求。","nonBlockingFindings":"应急预案未按期演练。","remediationDeadline":"2026-09-30"}""")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> ReportAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/report")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.ReviewUnit, durable, (ReviewReportRequest r, LocalDate today) =>
            new ReviewReportSubmitted(r.On ?? today, r.Passed, r.Findings, r.NonBlockingFindings, r.RemediationDeadline), cancellationToken);

    /// <summary>A failing conclusion: by the assigned review unit, or else by the review organization.</summary>
    [Function("Applications_Failure")]
    [ApiOperation("Record that the review failed")]
    public Task<IResult> FailureAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/failure")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, ReviewFailureRequest r) =>
        {
            var owner = caller.Role == Party.ReviewUnit ? Party.ReviewUnit : Party.ReviewOrganization;
            return ApplicationApi.StepAsync(id, owner, caller, request.HttpContext, workflowClients.For(durable), workflowSet,
                () => new ReviewFailed(r.On ?? ApplicationApi.Today(clock), owner, r.Findings), cancellationToken);
        }, cancellationToken);

    [Function("Applications_Audit")]
    [ApiOperation("Review organization audits the review report: forward it or send it back")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> AuditAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/audit")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.ReviewOrganization, durable, (AuditRequest r, LocalDate today) => new ReportAudited(r.On ?? today, r.Forwarded, r.Reasons), cancellationToken);

    [Function("Applications_Reverification")]
    [ApiOperation("Record the level-2 re-verification")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> ReverificationAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/reverification")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.ReviewOrganization, durable, (StepRequest r, LocalDate today) => new ReverificationCompleted(r.On ?? today), cancellationToken);

    [Function("Applications_Notice")]
    [ApiOperation("Regulator opens the public notice of the result")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> NoticeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/notice")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.Regulator, durable, (StepRequest r, LocalDate today) => new PublicNoticePublished(r.On ?? today), cancellationToken);

    [Function("Applications_Objection")]
    [ApiOperation("Record an objection raised during the public notice")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> ObjectionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/objections")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.Regulator, durable, (ObjectionRequest r, LocalDate today) =>
            new ObjectionRaised(IdempotencyKey.EventId(request.HttpContext, "objection"), r.On ?? today, r.Summary), cancellationToken);

    [Function("Applications_ObjectionResolution")]
    [ApiOperation("Regulator resolves an objection")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> ObjectionResolutionAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/objections/{objectionId}/resolution")] HttpRequest request,
        string id, string objectionId, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.Regulator, durable, (ObjectionResolutionRequest r, LocalDate today) =>
            new ObjectionResolved(objectionId, r.On ?? today, r.Upheld, r.Resolution), cancellationToken);

    [Function("Applications_Announcement")]
    [ApiOperation("Regulator announces the graded enterprise")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> AnnouncementAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/announcement")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.Regulator, durable, (StepRequest r, LocalDate today) => new Announced(r.On ?? today), cancellationToken);

    [Function("Applications_Withdrawal")]
    [ApiOperation("Enterprise withdraws its application")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(StepResult))]
    [ApiResponse(StatusCodes.Status404NotFound, ApiResponseAttribute.Problem)]
    [ApiResponse(StatusCodes.Status409Conflict, ApiResponseAttribute.Problem)]
    public Task<IResult> WithdrawalAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/withdrawal")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        StepAsync(request, id, Party.Enterprise, durable, (StepRequest r, LocalDate today) => new Withdrawn(r.On ?? today), cancellationToken);

    [Function("Applications_IssueCertificate")]
    [ApiOperation("Issue the certificate and plaque of an announced application")]
    public Task<IResult> IssueCertificateAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "applications/{id}/certificate")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken) =>
        api.HandleAsync(request, (Caller caller, StepRequest body) =>
            ApplicationApi.IssueAsync(id, body, caller, request.HttpContext, workflowClients.For(durable), workflowSet, certificates, registry, clock, cancellationToken), cancellationToken);

    /// <summary>A step owned by one party: the event is built from the body and today (Beijing time) once the caller is known to own it.</summary>
    private Task<IResult> StepAsync<TBody>(
        HttpRequest request, string id, Party owner, DurableTaskClient durable, Func<TBody, LocalDate, WorkflowEvent> build, CancellationToken cancellationToken)
        where TBody : class =>
        api.HandleAsync(request, (Caller caller, TBody body) =>
            ApplicationApi.StepAsync(id, owner, caller, request.HttpContext, workflowClients.For(durable), workflowSet,
                () => build(body, ApplicationApi.Today(clock)), cancellationToken), cancellationToken);
}
