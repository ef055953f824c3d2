using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Revocations;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.SelfAssessments;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>Certificates by id and number, revocation, accidents and the recall (RULES.md §5, §7).</summary>
internal static class CertificateApi
{
    public static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> GetAsync(
        string id, Caller caller, CertificateIndex index, CertificateSummaries summaries, WorkflowClient workflows, Notifications.RuleCitation citations, IClock clock, CancellationToken ct)
    {
        var record = await index.GetAsync(id, ct);
        return await ViewAsync(record, id, caller, summaries, workflows, citations, clock, ct);
    }

    public static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> GetByNumberAsync(
        string number, Caller caller, CertificateIndex index, CertificateSummaries summaries, WorkflowClient workflows, Notifications.RuleCitation citations, IClock clock, CancellationToken ct)
    {
        var record = await index.FindByNumberAsync(number, ct);
        return await ViewAsync(record, number, caller, summaries, workflows, citations, clock, ct);
    }

    /// <summary>Only the regulator that announced the grade revokes it (RULES.md §7 [000 §3(4)]): a Beijing regulator cannot revoke a Ningxia certificate.</summary>
    public static async Task<Results<Created<StepResult>, ProblemHttpResult>> RevokeAsync(
        string id, RevocationRequest request, Caller caller, HttpContext http, CertificateIndex index, EnterpriseRegistry registry,
        DocumentStore documents, WorkflowClient workflows, ProfileCatalog profiles, IClock clock, CancellationToken ct)
    {
        var record = await index.GetAsync(id, ct);
        if (record is null)
        {
            return ApiProblems.NotFound($"Certificate '{id}'");
        }

        if (!caller.MaySee(record.EnterpriseId, record.RegionCode))
        {
            return ApiProblems.Unseen($"Certificate '{id}'");
        }

        var level = AnnouncingLevel(record, profiles);
        if (!caller.IsRegulatorFor(record.RegionCode, level))
        {
            return ApiProblems.Forbidden($"Certificate {record.Number} is revoked by the {level} regulator over region {record.RegionCode}, which announced it.");
        }

        var evidence = request.EvidenceDocumentIds.IsDefault ? [] : request.EvidenceDocumentIds;
        if (await SelfAssessmentApi.DocumentProblemAsync(documents, record.EnterpriseId, evidence, DocumentKinds.RevocationEvidence, "evidenceDocumentIds", ct) is { } missing)
        {
            return missing;
        }

        var on = request.On ?? ApplicationApi.Today(clock);
        var opened = new RevocationOpened(record.CertificateId, record.Number, record.EnterpriseId, record.RegionCode, record.Grade, record.ProfileId, request.Grounds, Automatic: false,
            request.Reason, evidence, on);
        var result = await workflows.StartAsync(WorkflowKinds.Revocation, record.CertificateId, opened, IdempotencyKey.EventId(http, "revoke"), caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            return ApiProblems.Rejected(result);
        }

        if (result.Duplicate && !http.Request.Headers.ContainsKey(IdempotencyKey.Header))
        {
            return ApiProblems.Conflict($"Certificate {record.Number} already has a revocation.");
        }

        await registry.LinkAsync(record.EnterpriseId, WorkflowKinds.Revocation, record.CertificateId, ct);
        await registry.ChangeAsync(record.EnterpriseId, e => e with { LastRevokedOn = on, Grade = null }, ct);
        return TypedResults.Created($"/api/workflows/{WorkflowKinds.Revocation}/{record.CertificateId}",
            new StepResult(WorkflowKinds.Revocation, record.CertificateId, result.Status, result.Sequence, result.Duplicate));
    }

    /// <summary>Anyone who may see the enterprise reports an accident; the certificate decides whether it starts a revocation.</summary>
    public static async Task<Results<Ok<StepResult>, ProblemHttpResult>> ReportAccidentAsync(
        string id, AccidentRequest request, Caller caller, HttpContext http, CertificateIndex index, EnterpriseRegistry registry, WorkflowClient workflows, CancellationToken ct)
    {
        var record = await index.GetAsync(id, ct);
        if (record is null)
        {
            return ApiProblems.NotFound($"Certificate '{id}'");
        }

        if (!caller.MaySee(record.EnterpriseId, record.RegionCode))
        {
            return ApiProblems.Unseen($"Certificate '{id}'");
        }

        // Without an Idempotency-Key an accident is known by what it is: the same certificate, day, toll and lateness is the
        // same accident, so a replayed report records nothing new. Two accidents alike in all of these take two keys.
        var accidentId = http.Request.Headers[IdempotencyKey.Header].Count > 0
            ? IdempotencyKey.EventId(http, "accident")
            : IdempotencyKey.NaturalId("accident", record.CertificateId, request.On!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                request.Deaths!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), request.ConcealedOrLate ? "late" : "on-time");
        var result = await workflows.ApplyAsync(WorkflowKinds.Certificate, record.CertificateId, new AccidentReported(accidentId, request.On!.Value, request.Deaths!.Value, request.ConcealedOrLate), accidentId, caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            return ApiProblems.Rejected(result);
        }

        await registry.AddAccidentAsync(record.EnterpriseId, new AccidentRecord(accidentId, request.On!.Value, request.Deaths!.Value, request.ConcealedOrLate, record.CertificateId), ct);
        return TypedResults.Ok(new StepResult(WorkflowKinds.Certificate, record.CertificateId, result.Status, result.Sequence, result.Duplicate));
    }

    /// <summary>The review organization confirms the certificate or the plaque is back (RULES.md §7 convention: the recall task).</summary>
    public static async Task<Results<Ok<StepResult>, ProblemHttpResult>> RecordReturnAsync(
        string id, ReturnRequest request, Caller caller, HttpContext http, CertificateIndex index, WorkflowClient workflows, IClock clock, CancellationToken ct)
    {
        var record = await index.GetAsync(id, ct);
        if (record is null)
        {
            return ApiProblems.NotFound($"Certificate '{id}'");
        }

        if (!caller.MaySee(record.EnterpriseId, record.RegionCode))
        {
            return ApiProblems.Unseen($"Certificate '{id}'");
        }

        if (caller.Role is not (Party.ReviewOrganization or Party.Administrator) || !caller.CoversRegion(record.RegionCode))
        {
            return ApiProblems.Forbidden($"The review organization of region {record.RegionCode} confirms the recall of {record.Number}.");
        }

        var on = request.On ?? ApplicationApi.Today(clock);
        WorkflowEvent @event = request.Item == "certificate" ? new CertificateReturned(on) : new PlaqueReturned(on);
        try
        {
            var result = await workflows.ApplyAsync(WorkflowKinds.Revocation, record.CertificateId, @event, IdempotencyKey.EventId(http, request.Item + "-returned"), caller.Subject, ct);
            return result.Outcome == Outcome.Rejected
                ? ApiProblems.Rejected(result)
                : TypedResults.Ok(new StepResult(WorkflowKinds.Revocation, record.CertificateId, result.Status, result.Sequence, result.Duplicate));
        }
        catch (WorkflowNotFoundException)
        {
            return ApiProblems.Conflict($"Certificate {record.Number} is not being revoked; there is nothing to return.");
        }
    }

    /// <summary>
    /// The enterprise's regulator (any level covering its region) or an administrator records a licence lapse or renewal on the
    /// certificate (RULES.md §5 [001 art.16]); a renewal also updates the licence on the enterprise's registration.
    /// </summary>
    internal static async Task<Results<Ok<StepResult>, ProblemHttpResult>> LicenceStepAsync(
        string id, Caller caller, HttpContext http, CertificateIndex index, EnterpriseRegistry registry, WorkflowClient workflows,
        Func<CertificateRecord, (WorkflowEvent Event, LocalDate? ValidUntil)> build, CancellationToken ct)
    {
        var record = await index.GetAsync(id, ct);
        if (record is null)
        {
            return ApiProblems.NotFound($"Certificate '{id}'");
        }

        if (!caller.MaySee(record.EnterpriseId, record.RegionCode))
        {
            return ApiProblems.Unseen($"Certificate '{id}'");
        }

        if (caller.Role is not (Party.Regulator or Party.Administrator) || !caller.CoversRegion(record.RegionCode))
        {
            return ApiProblems.Forbidden($"The licence of certificate {record.Number} is recorded by a regulator over region {record.RegionCode}.");
        }

        var (@event, validUntil) = build(record);
        var result = await workflows.ApplyAsync(WorkflowKinds.Certificate, record.CertificateId, @event, IdempotencyKey.EventId(http, @event.GetType().Name), caller.Subject, ct);
        if (result.Outcome == Outcome.Rejected)
        {
            return ApiProblems.Rejected(result);
        }

        if (validUntil is { } until)
        {
            await registry.ChangeAsync(record.EnterpriseId, e => e with { LicenceRequired = true, LicenceValidUntil = until }, ct);
        }

        return TypedResults.Ok(new StepResult(WorkflowKinds.Certificate, record.CertificateId, result.Status, result.Sequence, result.Duplicate));
    }

    internal static RegulatorLevel AnnouncingLevel(CertificateRecord record, ProfileCatalog profiles) =>
        Jurisdiction.RegulatorFor(profiles.Get(record.ProfileId), record.Grade, record.Industry).Value;

    private static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> ViewAsync(
        CertificateRecord? record, string key, Caller caller, CertificateSummaries summaries, WorkflowClient workflows, Notifications.RuleCitation citations, IClock clock, CancellationToken ct)
    {
        if (record is null)
        {
            return ApiProblems.NotFound($"Certificate '{key}'");
        }

        if (!caller.MaySee(record.EnterpriseId, record.RegionCode))
        {
            return ApiProblems.Unseen($"Certificate '{key}'");
        }

        var status = await workflows.GetStatusAsync(WorkflowKinds.Certificate, record.CertificateId, ct);
        var summary = await summaries.OfAsync(record, status?.Status, null, ApplicationApi.Today(clock), ct);
        // A person reads each deadline's rule: the regulation by title and article, as the workflow status shows it.
        return TypedResults.Ok(CertificateView.Of(summary, record, [.. (status?.Deadlines ?? []).Select(d => d with { Rule = citations.Cite(d.Rule).Chinese })]));
    }
}
