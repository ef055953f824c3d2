using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>A remediation ordered by the review report follows the certificate the review led to; a missed deadline cancels it.</summary>
public sealed class RemediationCancellationTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    // RULES.md §4.4 [001 art.14]: the review orders non-blocking findings fixed by 2026-06-30; the certificate is issued on
    // 2026-03-10; the deadline passes unmet, so that certificate is cancelled: no regulator's decision, no revocation, no
    // ban (RULES.md §7 ground 7 is a failed quality audit, not this), with the enterprise and the organization told.
    [Fact]
    public async Task A_missed_remediation_from_the_review_cancels_the_issued_certificate_without_revocation_or_ban()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Monday, notices);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var (applicationId, certificateId) = await ApiSteps.CertifyApplicationAsync(host, new LocalDate(2026, 3, 10), new
        {
            passed = true, findings = "Meets level 3.", nonBlockingFindings = "Hazard ledger incomplete.", remediationDeadline = "2026-06-30",
        });
        var remediationId = $"{applicationId}-remediation-1";
        var order = await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/remediation/{remediationId}", ApiHost.Admin));
        Assert.Equal("Open", order.GetProperty("status").GetString());
        Assert.Contains(certificateId, order.GetProperty("state").GetRawText(), StringComparison.Ordinal);

        // The last day to remediate: nothing happens yet.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 6, 30)));
        await SweepAsync(host);
        Assert.Equal("Active", (await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/certificate/{certificateId}", ApiHost.Admin))).GetProperty("status").GetString());

        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 7, 1)));
        await SweepAsync(host);
        Assert.Equal("Cancelled", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{certificateId}", ApiHost.Admin, "Cancelled"));
        Assert.Equal("Missed", (await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/remediation/{remediationId}", ApiHost.Admin))).GetProperty("status").GetString());

        await Local.Eventually.HoldsAsync(() => notices.Requests.Count(r => r.Notice.Kind == NoticeKinds.CertificateCancelled) == 3, "the three cancellation notices");
        var cancelled = notices.Requests.Select(r => r.Notice).Where(n => n.Kind == NoticeKinds.CertificateCancelled).ToList();
        Assert.Equal(
            [(Party.Enterprise, NoticeClass.Mandatory), (Party.ReviewOrganization, NoticeClass.Mandatory), (Party.Regulator, NoticeClass.Informational)],
            cancelled.Select(n => (n.Recipient, n.Class)).OrderBy(p => p.Recipient));
        Assert.All(cancelled, n => Assert.Equal((new LocalDate(2026, 7, 1), "2026-06-30"), (n.DueDate, n.Facts["deadline"])));
        Assert.DoesNotContain(notices.Requests, r => r.Notice.Kind == NoticeKinds.CertificateRevoked);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/api/workflows/revocation/{certificateId}", ApiHost.Admin)).StatusCode);

        // No ban follows a cancellation: the enterprise may apply again at once.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 7, 2)));
        var again = await host.PostAsync("/api/applications", ApiHost.Enterprise(ApiSteps.EnterpriseId), ApiSteps.Submission());
        Assert.True(again.StatusCode == HttpStatusCode.Created, await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    // RULES.md §4.4: a remediation completed by its deadline leaves the certificate in force.
    [Fact]
    public async Task A_remediation_completed_in_time_leaves_the_certificate_active()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday, new RecordingOutbox());
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var (applicationId, certificateId) = await ApiSteps.CertifyApplicationAsync(host, new LocalDate(2026, 3, 10), new
        {
            passed = true, findings = "Meets level 3.", nonBlockingFindings = "Hazard ledger incomplete.", remediationDeadline = "2026-06-30",
        });
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 6, 15)));
        var evidence = await ApiSteps.UploadAsync(host, Functions.Documents.DocumentKinds.RemediationEvidence, "hazard ledger");
        await ApiSteps.StepAsync(host, $"/api/remediations/{applicationId}-remediation-1/completion", ApiHost.Enterprise(ApiSteps.EnterpriseId), new { evidenceDocumentIds = new[] { evidence } }, "Completed");

        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 7, 1)));
        await SweepAsync(host);
        Assert.Equal("Active", (await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/certificate/{certificateId}", ApiHost.Admin))).GetProperty("status").GetString());
    }

    // RULES.md §4.4 [001 art.14]: the review orders findings fixed by 2026-06-30, then the organization fails the
    // application before any certificate exists. The order closes with the application: no reminders, no missed deadline,
    // nothing left waiting for a grade that will never be granted.
    [Fact]
    public async Task A_remediation_from_a_review_closes_when_the_application_fails_before_any_certificate()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Monday, notices);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var submitted = await host.PostAsync("/api/applications", ApiHost.Enterprise(ApiSteps.EnterpriseId), ApiSteps.Submission());
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = true }, "AwaitingAssignment");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/api/applications/{applicationId}/draw", organization, new { })).StatusCode);
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/report", ApiHost.Unit("unit-1"), new
        {
            passed = true, findings = "Meets level 3.", nonBlockingFindings = "Hazard ledger incomplete.", remediationDeadline = "2026-06-30",
        }, "ReportAudit");
        var remediationPath = $"/api/workflows/remediation/{applicationId}-remediation-1";
        Assert.Equal("Open", await ApiSteps.WaitForStatusAsync(host, remediationPath, ApiHost.Admin, "Open"));

        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/failure", organization, new { findings = "Emergency drills never held." }, "Failed");

        Assert.Equal("Closed", await ApiSteps.WaitForStatusAsync(host, remediationPath, ApiHost.Admin, "Closed"));
        var closed = await ApiHost.JsonAsync(await host.GetAsync(remediationPath, ApiHost.Admin));
        Assert.Empty(closed.GetProperty("pendingTimers").EnumerateArray());
        Assert.Empty(closed.GetProperty("deadlines").EnumerateArray());
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 7, 1)));
        await SweepAsync(host);
        Assert.DoesNotContain(notices.Requests, r => r.Notice.Kind is NoticeKinds.RemediationMissed or NoticeKinds.RemediationDueSoon);
    }

    /// <summary>Runs the timer sweep at the fake clock's now, as the every-minute trigger would after the clock moved.</summary>
    private static Task<DueIndexSweepResult> SweepAsync(ApiHost host) =>
        host.App.Services.GetRequiredService<DueIndexSweeper>().CatchUpAsync(host.App.Services.GetRequiredService<DurableTaskClient>(), host.Clock.GetCurrentInstant(), TestContext.Current.CancellationToken);
}
