using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Sampling;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.ReviewBodies;

namespace SafetyCert.Functions.Api.Applications;

/// <summary>Grading applications and every step of their timeline (RULES.md §3–§4), each recorded by the party that owns it.</summary>
internal static class ApplicationApi
{
    /// <summary>
    /// The enterprise applies; every failed eligibility condition comes back in one 422 (RULES.md §3). A renewal is
    /// assessed for the fast track (RULES.md §6 [001 art.17]) and carries the outcome; a certificate with a renewal
    /// already open is refused with a 409 naming it, before anything is written.
    /// </summary>
    public static async Task<Results<Created<StepResult>, ProblemHttpResult>> SubmitAsync(
        SubmitApplicationRequest request, Caller caller, HttpContext http, EnterpriseRegistry registry, CertificateIndex certificates,
        ProfileCatalog profiles, WorkflowClient workflows, WorkflowSet set, IClock clock, CancellationToken ct)
    {
        // A retry with the same Idempotency-Key names the application it created, which is not a second renewal.
        var applicationId = IdempotencyKey.NewId(http, "app", request.EnterpriseId);
        var (known, problem) = await KnownFactsAsync(request, caller, registry, certificates, profiles, workflows, set, clock, ct, applicationId);
        if (known is null)
        {
            return problem!;
        }

        var (enterprise, profile, facts, today) = known.Value;
        var (kind, grade) = (request.Kind!.Value, request.Grade!.Value);
        var assessment = ApplicationEligibility.Assess(facts, new GradeApplication(kind, grade, today), profile);
        if (!assessment.IsEligible)
        {
            return ApiProblems.Unprocessable(
                "not-eligible",
                "The enterprise may not apply",
                string.Join(" ", assessment.Failures.Select(f => $"{f.Code}: {f.ReasonEn} [{f.Source}].")),
                new Dictionary<string, object?> { ["failures"] = assessment.Failures });
        }

        var fastTrack = kind == ApplicationKind.Renewal ? FastTrackRenewal.Assess(facts, today, profile) : null;

        // One open application per enterprise and grade: a second one, in parallel or later, waits until the first is closed.
        if (await registry.HoldOpenApplicationAsync(enterprise.Id, grade, applicationId, async held => (await workflows.GetStatusAsync(WorkflowKinds.Application, held, ct))?.IsFinal is { } final ? !final : null, ct) is { } open)
        {
            return ApiProblems.Conflict(
                $"Enterprise {enterprise.Id} already has an open {grade} application, {open}; it must be closed (issued, rejected, failed or withdrawn) before another is filed.",
                new Dictionary<string, object?> { ["openApplicationId"] = open });
        }

        var submitted = new ApplicationSubmitted(applicationId, enterprise.Id, enterprise.RegionCode, enterprise.Industry, grade, kind,
            profile.Id, today, enterprise.LicenceRequired, request.PreviousCertificateId, request.PartialReReviewOf,
            fastTrack?.FastTrack ?? false, fastTrack?.Failures);
        var result = await workflows.StartAsync(WorkflowKinds.Application, applicationId, submitted, IdempotencyKey.EventId(http, "submit"), caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            await registry.ReleaseOpenApplicationAsync(enterprise.Id, grade, applicationId, ct);
            return ApiProblems.Rejected(result);
        }

        await registry.LinkAsync(enterprise.Id, WorkflowKinds.Application, applicationId, ct);
        if (kind == ApplicationKind.Renewal)
        {
            // The certificate stops its renewal reminders once a renewal is filed (RULES.md §6).
            var filed = await workflows.ApplyAsync(WorkflowKinds.Certificate, request.PreviousCertificateId!, new RenewalFiled(applicationId, today), $"renewal-{applicationId}", caller.Subject, ct);
            if (filed.Outcome == Outcome.Rejected)
            {
                await workflows.ApplyAsync(WorkflowKinds.Application, applicationId, new Withdrawn(today, filed.Reason), $"renewal-refused-{applicationId}", caller.Subject, ct);
                return ApiProblems.Rejected(filed);
            }
        }

        return TypedResults.Created($"/api/applications/{applicationId}", new StepResult(WorkflowKinds.Application, applicationId, result.Status, result.Sequence, result.Duplicate));
    }

    /// <summary>
    /// The check <see cref="SubmitAsync"/> makes before it starts anything, answered as 200 with every failed condition
    /// (RULES.md §3), so the enterprise sees what stands in its way before it applies. Writes nothing.
    /// </summary>
    public static async Task<Results<Ok<EligibilityView>, ProblemHttpResult>> CheckEligibilityAsync(
        SubmitApplicationRequest request, Caller caller, EnterpriseRegistry registry, CertificateIndex certificates,
        ProfileCatalog profiles, WorkflowClient workflows, WorkflowSet set, IClock clock, CancellationToken ct)
    {
        var (known, problem) = await KnownFactsAsync(request, caller, registry, certificates, profiles, workflows, set, clock, ct);
        if (known is null)
        {
            return problem!;
        }

        var (_, profile, facts, today) = known.Value;
        return TypedResults.Ok(EligibilityView.Of(ApplicationEligibility.Assess(facts, new GradeApplication(request.Kind!.Value, request.Grade!.Value, today), profile)));
    }

    /// <summary>
    /// What a renewal filed today would get (RULES.md §6 [001 art.17]): every fast-track condition, met or not, with its
    /// reason and source, from what the system holds and the body declares. Writes nothing.
    /// </summary>
    public static async Task<Results<Ok<FastTrackView>, ProblemHttpResult>> AssessFastTrackAsync(
        SubmitApplicationRequest request, Caller caller, EnterpriseRegistry registry, CertificateIndex certificates,
        ProfileCatalog profiles, WorkflowClient workflows, WorkflowSet set, IClock clock, CancellationToken ct)
    {
        if (request.Kind != ApplicationKind.Renewal)
        {
            return ApiProblems.Invalid("kind", new($"快速复评只适用于复评申请；“{request.Kind}”不是复评。", $"The fast track is for a renewal; '{request.Kind}' is not one."));
        }

        var (known, problem) = await KnownFactsAsync(request, caller, registry, certificates, profiles, workflows, set, clock, ct);
        if (known is null)
        {
            return problem!;
        }

        var (_, profile, facts, today) = known.Value;
        return TypedResults.Ok(FastTrackView.Of(FastTrackRenewal.Assess(facts, today, profile)));
    }

    // What the application's checks rest on: the enterprise, its profile today, and the facts the system holds (licence,
    // accidents, self-assessments, revocation, the held certificate and its open remediation orders), with the body's declarations.
    private static async Task<((Enterprise Enterprise, JurisdictionProfile Profile, EnterpriseFacts Facts, LocalDate Today)? Known, ProblemHttpResult? Problem)> KnownFactsAsync(
        SubmitApplicationRequest request, Caller caller, EnterpriseRegistry registry, CertificateIndex certificates,
        ProfileCatalog profiles, WorkflowClient workflows, WorkflowSet set, IClock clock, CancellationToken ct, string? submittingAs = null)
    {
        if (caller.Role is not (Party.Enterprise or Party.Administrator) || (caller.Role == Party.Enterprise && caller.EnterpriseId != request.EnterpriseId))
        {
            return (null, ApiProblems.Forbidden("An enterprise applies for itself only."));
        }

        var (enterprise, problem) = await EnterpriseApi.FindVisibleAsync(request.EnterpriseId, caller, registry, ct);
        if (enterprise is null)
        {
            return (null, problem!);
        }

        var today = Today(clock);
        JurisdictionProfile profile;
        try
        {
            profile = profiles.Resolve(enterprise.RegionCode, enterprise.Industry, today);
        }
        catch (ProfileNotFoundException e)
        {
            return (null, ApiProblems.Unprocessable("no-profile", "No jurisdiction profile applies", e.Message, new Dictionary<string, object?>()));
        }

        HeldCertificate? held = null;
        var outstanding = false;
        if (request.PreviousCertificateId is { } previousId)
        {
            var previous = await certificates.GetAsync(previousId, ct);
            if (previous is null || previous.EnterpriseId != enterprise.Id)
            {
                return (null, ApiProblems.Invalid("previousCertificateId",
                    new($"证书“{previousId}”不是企业 {enterprise.Id} 的证书。", $"Certificate '{previousId}' is not a certificate of enterprise {enterprise.Id}.")));
            }

            held = new HeldCertificate(previous.Grade, previous.IssuedOn, CertificateValidity.LastValidDay(previous.IssuedOn, profile));
            if (request.Kind == ApplicationKind.Renewal && await OpenRenewalAsync(previousId, workflows, set, ct) is { } open && open != submittingAs)
            {
                return (null, ApiProblems.Conflict($"Certificate {previousId} already has renewal application {open} open; a second renewal is not filed while it runs (RULES.md §6).",
                    new Dictionary<string, object?> { ["openApplicationId"] = open }));
            }

            outstanding = await OpenRemediationAsync(previous, workflows, set, ct);
        }

        var (accidents, reports, _) = await registry.HistoryAsync(enterprise.Id, ct);
        var facts = new EnterpriseFacts
        {
            SystemRunningSince = request.SystemRunningSince,
            SelfAssessmentPassed = reports.OrderByDescending(r => r.Year).FirstOrDefault() is { SelfAssessedGrade: not null },
            LicenceRequired = enterprise.LicenceRequired,
            LicenceValidUntil = enterprise.LicenceValidUntil,
            PostAndProfessionalStandardizationDone = request.PostAndProfessionalStandardizationDone,
            DualPreventionInPlace = request.DualPreventionInPlace,
            Accidents = [.. accidents.Select(a => new Accident(a.On, a.Deaths))],
            LastRevokedOn = enterprise.LastRevokedOn,
            CurrentCertificate = held,
            SelfAssessments = [.. reports.Select(r => new SelfAssessmentRecord(r.Year, true, r.Posted))],
            OutstandingProblemsFound = outstanding,
            SitesRebuiltExpandedOrRelocated = request.SitesRebuiltExpandedOrRelocated,
            LicenceScopeWidened = request.LicenceScopeWidened,
            WorkingEnvironmentChangedMarkedly = request.WorkingEnvironmentChangedMarkedly,
        };
        return ((enterprise, profile, facts, today), null);
    }

    // The renewal application the certificate has filed and that still runs, if any.
    private static async Task<string?> OpenRenewalAsync(string certificateId, WorkflowClient workflows, WorkflowSet set, CancellationToken ct)
    {
        var status = await workflows.GetStatusAsync(WorkflowKinds.Certificate, certificateId, ct);
        if (status is null || JsonSerializer.Deserialize<CertificateState>(status.StateJson, set.Json.Options)?.RenewalApplicationId is not { } pending)
        {
            return null;
        }

        return await workflows.GetStatusAsync(WorkflowKinds.Application, pending, ct) is { IsFinal: false } ? pending : null;
    }

    // RULES.md §6 (5) [001 art.17(5)]: findings of the review that led to the certificate, ordered fixed and still open, are
    // outstanding problems the system knows of.
    private static async Task<bool> OpenRemediationAsync(CertificateRecord certificate, WorkflowClient workflows, WorkflowSet set, CancellationToken ct)
    {
        var issuing = await workflows.GetStatusAsync(WorkflowKinds.Application, certificate.ApplicationId, ct);
        var orders = issuing is null ? 0 : JsonSerializer.Deserialize<ApplicationState>(issuing.StateJson, set.Json.Options)?.RemediationOrders ?? 0;
        for (var order = 1; order <= orders; order++)
        {
            var remediation = await workflows.GetStatusAsync(WorkflowKinds.Remediation, $"{certificate.ApplicationId}-remediation-{order}", ct);
            if (remediation?.Status == nameof(RemediationStatus.Open))
            {
                return true;
            }
        }

        return false;
    }

    public static async Task<Results<Ok<ApplicationState>, ProblemHttpResult>> GetAsync(
        string id, Caller caller, WorkflowClient workflows, WorkflowSet set, CancellationToken ct)
    {
        var (state, problem) = await LoadAsync(id, workflows, set, ct);
        if (state is null)
        {
            return problem!;
        }

        return caller.MaySee(state.EnterpriseId, state.RegionCode) || (caller.Role == Party.ReviewUnit && caller.BodyId == state.ReviewUnitId)
            ? TypedResults.Ok(state)
            : ApiProblems.Unseen($"Application '{id}'");
    }

    /// <summary>The organization draws a review unit at random among its own units (RULES.md §4.2); the seed, candidates and exclusions are kept.</summary>
    public static async Task<Results<Ok<ReviewUnitDrawResult>, ProblemHttpResult>> DrawAsync(
        string id, Caller caller, HttpContext http, WorkflowClient workflows, WorkflowSet set, ReviewBodyRegistry bodies, EnterpriseRegistry registry, IClock clock, CancellationToken ct)
    {
        var (state, problem) = await LoadAsync(id, workflows, set, ct);
        if (state is null)
        {
            return problem!;
        }

        if (Authorize(state, Party.ReviewOrganization, caller) is { } denied)
        {
            return denied;
        }

        if (caller.BodyId is null)
        {
            return ApiProblems.Forbidden("Only a review organization draws among its units.");
        }

        if (state.Stage != ApplicationStatus.AwaitingAssignment)
        {
            return ApiProblems.Conflict($"Application {id} is {state.Stage}; a review unit is drawn only when it awaits assignment.");
        }

        var today = Today(clock);
        var units = await bodies.UnitsAsync(caller.BodyId, ct);
        var seed = BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8));
        var cycleStart = state.ReceivedOn ?? today;
        var draw = ReviewUnitDraw.Draw(new ReviewDrawApplication(id, state.EnterpriseId, state.Grade, state.Industry, cycleStart), units.Select(u => u.AsCandidate()), seed, today);
        if (draw.ChosenUnitId is null)
        {
            return ApiProblems.Conflict($"No review unit of organization {caller.BodyId} may review application {id}.", new Dictionary<string, object?> { ["exclusions"] = draw.Exclusions });
        }

        try
        {
            await bodies.AddDrawAsync(draw, ct);
        }
        catch (StorageConflictException)
        {
            return ApiProblems.Conflict($"Application {id} already has a draw; read it at /api/applications/{id}/draw.");
        }

        var result = await workflows.ApplyAsync(WorkflowKinds.Application, id, new ReviewUnitAssigned(draw.ChosenUnitId, seed.ToString(System.Globalization.CultureInfo.InvariantCulture), today), IdempotencyKey.EventId(http, "assign"), caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            await bodies.RemoveDrawAsync(id, ct);
            return ApiProblems.Rejected(result);
        }

        await registry.AssignUnitAsync(state.EnterpriseId, draw.ChosenUnitId, id, ct);
        return TypedResults.Ok(draw);
    }

    public static async Task<Results<Ok<ReviewUnitDrawResult>, ProblemHttpResult>> GetDrawAsync(
        string id, Caller caller, WorkflowClient workflows, WorkflowSet set, ReviewBodyRegistry bodies, CancellationToken ct)
    {
        var (state, problem) = await LoadAsync(id, workflows, set, ct);
        if (state is null)
        {
            return problem!;
        }

        if (!caller.MaySee(state.EnterpriseId, state.RegionCode))
        {
            return ApiProblems.Unseen($"Application '{id}'");
        }

        return await bodies.GetDrawAsync(id, ct) is { } draw ? TypedResults.Ok(draw) : ApiProblems.NotFound($"The draw of application {id}");
    }

    /// <summary>
    /// The organization issues certificate and plaque after the announcement (RULES.md §4.8, §5): once the decider
    /// accepts the issue, a number is taken from the sequence, then the application records the issue and starts the certificate.
    /// </summary>
    public static async Task<Results<Created<CertificateRecord>, ProblemHttpResult>> IssueAsync(
        string id, StepRequest request, Caller caller, HttpContext http, WorkflowClient workflows, WorkflowSet set, CertificateIndex certificates, EnterpriseRegistry registry,
        IClock clock, CancellationToken ct)
    {
        var (state, problem) = await LoadAsync(id, workflows, set, ct);
        if (state is null)
        {
            return problem!;
        }

        if (Authorize(state, Party.ReviewOrganization, caller) is { } denied)
        {
            return denied;
        }

        var certificateId = $"cert-{id}";
        if (state.Stage == ApplicationStatus.Issued && state.CertificateId == certificateId && await certificates.GetAsync(certificateId, ct) is { } issued)
        {
            return TypedResults.Created($"/api/certificates/{certificateId}", issued);
        }

        if (state.Stage != ApplicationStatus.Announced)
        {
            return ApiProblems.Conflict($"Application {id} is {state.Stage}; the certificate is issued only after the announcement.");
        }

        var issuedOn = request.On ?? Today(clock);

        // The decider is pure: an issue it would refuse (a date before the announcement or after today) is answered
        // before a number is taken, so a refused issue leaves the yearly sequence as it was (RULES.md §5).
        var trial = set.Get(WorkflowKinds.Application).Decide(state, new CertificateIssuedToEnterprise(certificateId, "pending", issuedOn), clock.GetCurrentInstant());
        if (trial.Outcome == Outcome.Rejected)
        {
            return ApiProblems.Rejected(new TransitionResult(trial.Outcome, trial.Reason, 0, false, state.Stage.ToString()));
        }

        var number = await certificates.AllocateNumberAsync(state.RegionCode, state.Grade, issuedOn.Year, ct);
        var record = new CertificateRecord(certificateId, number, state.EnterpriseId, state.RegionCode, state.Industry, state.Grade, state.ProfileId, issuedOn, id);
        await certificates.AddAsync(record, ct);
        var result = await workflows.ApplyAsync(WorkflowKinds.Application, id, new CertificateIssuedToEnterprise(certificateId, number, issuedOn), IdempotencyKey.EventId(http, "issue"), caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            // Refused after all (another step came first): the number goes back unless a later issue took the next one.
            await certificates.RemoveAsync(record, ct);
            await certificates.ReleaseNumberAsync(state.RegionCode, state.Grade, issuedOn.Year, number, ct);
            return ApiProblems.Rejected(result);
        }

        await registry.LinkAsync(state.EnterpriseId, WorkflowKinds.Certificate, certificateId, ct);
        await registry.ChangeAsync(state.EnterpriseId, e => e with { Grade = state.Grade, CurrentCertificateId = certificateId }, ct);
        return TypedResults.Created($"/api/certificates/{certificateId}", record);
    }

    /// <summary>Records one step by its owning party; the workflow's rejection comes back as a 409 with its reason.</summary>
    internal static async Task<Results<Ok<StepResult>, ProblemHttpResult>> StepAsync(
        string id, Party owner, Caller caller, HttpContext http, WorkflowClient workflows, WorkflowSet set, Func<WorkflowEvent> build, CancellationToken ct)
    {
        var (state, problem) = await LoadAsync(id, workflows, set, ct);
        if (state is null)
        {
            return problem!;
        }

        if (Authorize(state, owner, caller) is { } denied)
        {
            return denied;
        }

        var @event = build();
        var result = await workflows.ApplyAsync(WorkflowKinds.Application, id, @event, IdempotencyKey.EventId(http, @event.GetType().Name), caller.Subject, ct);
        return result.Outcome == Outcome.Rejected
            ? ApiProblems.Rejected(result)
            : TypedResults.Ok(new StepResult(WorkflowKinds.Application, id, result.Status, result.Sequence, result.Duplicate));
    }

    /// <summary>Null when the caller is the party that owns the step for this application; otherwise the 404 (for a caller who may not see it) or the 403.</summary>
    internal static ProblemHttpResult? Authorize(ApplicationState state, Party owner, Caller caller)
    {
        if (caller.Role == Party.Administrator)
        {
            return null;
        }

        if (!caller.MaySee(state.EnterpriseId, state.RegionCode) && !(caller.Role == Party.ReviewUnit && caller.BodyId is not null && caller.BodyId == state.ReviewUnitId))
        {
            return ApiProblems.Unseen($"Application '{state.ApplicationId}'");
        }

        var allowed = owner switch
        {
            Party.Enterprise => caller.Role == Party.Enterprise && caller.EnterpriseId == state.EnterpriseId,
            Party.ReviewOrganization => caller.Role == Party.ReviewOrganization && caller.CoversRegion(state.RegionCode),
            Party.ReviewUnit => caller.Role == Party.ReviewUnit && caller.BodyId is not null && caller.BodyId == state.ReviewUnitId,
            Party.Regulator => caller.IsRegulatorFor(state.RegionCode, AnnouncingLevel(state)),
            _ => false,
        };
        return allowed ? null : ApiProblems.Forbidden($"This step of application {state.ApplicationId} is for the {Describe(owner, state)}; the caller is a {caller.Role}.");
    }

    internal static RegulatorLevel AnnouncingLevel(ApplicationState state) =>
        Jurisdiction.RegulatorFor(ProfileCatalog.Embedded.Get(state.ProfileId), state.Grade, state.Industry).Value;

    internal static async Task<(ApplicationState? State, ProblemHttpResult? Problem)> LoadAsync(
        string id, WorkflowClient workflows, WorkflowSet set, CancellationToken ct)
    {
        if (id.Length is 0 or > TableKey.MaxPartLength)
        {
            return (null, ApiProblems.NotFound($"Application '{id}'"));
        }

        var status = await workflows.GetStatusAsync(WorkflowKinds.Application, id, ct);
        return status is null
            ? (null, ApiProblems.NotFound($"Application '{id}'"))
            : (JsonSerializer.Deserialize<ApplicationState>(status.StateJson, set.Json.Options), null);
    }

    internal static LocalDate Today(IClock clock) => ShanghaiTime.DateOf(clock.GetCurrentInstant());

    private static string Describe(Party owner, ApplicationState state) => owner switch
    {
        Party.Enterprise => $"enterprise {state.EnterpriseId}",
        Party.ReviewOrganization => $"review organization of region {state.RegionCode}",
        Party.ReviewUnit => $"assigned review unit {state.ReviewUnitId ?? "(none yet)"}",
        Party.Regulator => $"{AnnouncingLevel(state)} regulator over region {state.RegionCode}",
        _ => owner.ToString(),
    };
}
