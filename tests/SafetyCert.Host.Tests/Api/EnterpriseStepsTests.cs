using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>What the enterprise and its regulator record between applications: self-assessments, remediation, the licence.</summary>
public sealed class EnterpriseStepsTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);

    [Fact]
    public async Task A_submitted_self_assessment_is_what_lets_the_enterprise_apply()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);

        // RULES.md §3 [000 §2(3)]: without a passed self-assessment the application is refused, naming the condition.
        var refused = await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission());
        Assert.Contains(ConditionCodes.SelfAssessmentPassed, await ApiSteps.AssertProblemAsync(refused, (HttpStatusCode)422), StringComparison.Ordinal);

        await ApiSteps.SelfAssessAsync(host);
        var (_, reports, instances) = await host.App.Services.GetRequiredService<EnterpriseRegistry>().HistoryAsync(ApiSteps.EnterpriseId, TestContext.Current.CancellationToken);
        Assert.Equal((2026, (Grade?)Grade.Level3), (reports.Single().Year, reports.Single().SelfAssessedGrade));
        Assert.Contains(instances, i => i.Kind == "self-assessment");
        var accepted = await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission());
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task A_self_assessment_is_refused_without_an_open_year_or_with_a_report_that_is_not_its_own_and_nothing_is_kept()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        var report = await ApiSteps.UploadAsync(host, DocumentKinds.SelfAssessmentReports, "report");
        var wrongKind = await ApiSteps.UploadAsync(host, DocumentKinds.ApplicationMaterials, "materials");
        object Body(string documentId) => new { score = 80, selfAssessedGrade = "Level3", postedInternally = true, appliesForReview = false, reportDocumentId = documentId };
        var path = $"/api/enterprises/{ApiSteps.EnterpriseId}/self-assessments/2026";

        await ApiSteps.AssertProblemAsync(await host.PostAsync(path, Enterprise, Body(report)), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync(path + "/open", Enterprise, new { grade = "Level3" })).StatusCode);
        // Opening twice is recognized, not a second year.
        var again = await host.PostAsync(path + "/open", Enterprise, new { grade = "Level3" });
        Assert.True((await ApiHost.JsonAsync(again)).GetProperty("duplicate").GetBoolean());

        Assert.Contains("reportDocumentId", await ApiSteps.AssertProblemAsync(await host.PostAsync(path, Enterprise, Body(wrongKind)), (HttpStatusCode)422), StringComparison.Ordinal);
        Assert.Contains("self-assessment-reports", await ApiSteps.AssertProblemAsync(await host.PostAsync(path, Enterprise, Body("self-assessment-reports-0123456789abcdef0123456789abcdef")), (HttpStatusCode)422), StringComparison.Ordinal);
        await ApiSteps.AssertProblemAsync(await host.PostAsync(path, ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), Body(report)), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.PostAsync(path, Enterprise, new { score = 101, postedInternally = true, appliesForReview = false, reportDocumentId = report }), HttpStatusCode.BadRequest);
        var (_, reports, _) = await host.App.Services.GetRequiredService<EnterpriseRegistry>().HistoryAsync(ApiSteps.EnterpriseId, TestContext.Current.CancellationToken);
        Assert.Empty(reports);
        var year = await host.App.Services.GetRequiredService<SafetyCert.Functions.Workflows.WorkflowStore>()
            .GetStatusAsync("self-assessment", ApiSteps.EnterpriseId + "-2026", TestContext.Current.CancellationToken);
        Assert.Equal("Open", year!.Status);
    }

    [Fact]
    public async Task The_enterprise_completes_its_remediation_with_its_own_evidence()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var submitted = await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission());
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = true }, "AwaitingAssignment");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/api/applications/{applicationId}/draw", organization, new { })).StatusCode);
        // RULES.md §4.4 [001 art.14]: problems that do not block the grade get a remediation deadline.
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/report", ApiHost.Unit("unit-1"),
            new { passed = true, findings = "Meets level 3.", nonBlockingFindings = "Label the valves.", remediationDeadline = "2026-04-30" }, "ReportAudit");
        var remediationId = $"{applicationId}-remediation-1";
        Assert.Equal("Open", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/remediation/{remediationId}", ApiHost.Admin, "Open"));

        var wrongKind = await ApiSteps.UploadAsync(host, DocumentKinds.ReviewReports, "not evidence");
        var evidence = await ApiSteps.UploadAsync(host, DocumentKinds.RemediationEvidence, "valves labelled");
        var path = $"/api/remediations/{remediationId}/completion";
        await ApiSteps.AssertProblemAsync(await host.PostAsync(path, ApiHost.Enterprise("91640100MA76XQ000D"), new { evidenceDocumentIds = new[] { evidence } }), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.PostAsync(path, Enterprise, new { evidenceDocumentIds = Array.Empty<string>() }), HttpStatusCode.BadRequest);
        await ApiSteps.AssertProblemAsync(await host.PostAsync(path, Enterprise, new { evidenceDocumentIds = new[] { evidence, wrongKind } }), (HttpStatusCode)422);
        await ApiSteps.StepAsync(host, path, Enterprise, new { evidenceDocumentIds = new[] { evidence } }, "Completed");
    }

    [Fact]
    public async Task A_lapsed_licence_suspends_the_certificate_and_its_renewal_restores_it_both_by_the_regulator()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var regulator = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);

        // RULES.md §5 [001 art.16]: the certificate is suspended while the licence is lapsed.
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/certificates/{certificateId}/licence-lapse", Enterprise, new { }), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/certificates/{certificateId}/licence-lapse", ApiHost.Regulator("110000", RegulatorLevel.Provincial), new { }), HttpStatusCode.NotFound);
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/licence-lapse", regulator, new { }, "Suspended");
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/licence-renewal", regulator, new { validUntil = "2031-12-31" }, "Active");
        var enterprise = await host.App.Services.GetRequiredService<EnterpriseRegistry>().GetAsync(ApiSteps.EnterpriseId, TestContext.Current.CancellationToken);
        Assert.Equal(new LocalDate(2031, 12, 31), enterprise!.LicenceValidUntil);
    }
}
