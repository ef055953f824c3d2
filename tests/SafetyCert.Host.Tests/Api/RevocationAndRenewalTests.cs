using System.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Documents;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>How a certificate ends or goes on: a regulator's revocation with its recall and ban, and a renewal filed in its window.</summary>
public sealed class RevocationAndRenewalTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);

    [Fact]
    public async Task A_revocation_recalls_certificate_and_plaque_and_its_ban_refuses_a_new_application()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var regulator = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);
        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var evidence = await ApiSteps.UploadAsync(host, DocumentKinds.RevocationEvidence, "inspection record");

        // RULES.md §7 [000 §3(4)]: the regulator that announced the grade revokes it, with reason and evidence.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 6, 1)));
        var revoke = new { grounds = new[] { "UncontrolledHazard" }, reason = "Major hazard left uncontrolled after inspection.", evidenceDocumentIds = new[] { evidence } };
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/certificates/{certificateId}/revocation", ApiHost.Regulator("110000", RegulatorLevel.Provincial), revoke), HttpStatusCode.NotFound);
        // Ningxia's provincial regulator sees the certificate but did not announce its grade (level 3: the municipal one did).
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/certificates/{certificateId}/revocation", ApiHost.Regulator("640000", RegulatorLevel.Provincial), revoke), HttpStatusCode.Forbidden);
        var revoked = await host.PostAsync($"/api/certificates/{certificateId}/revocation", regulator, revoke);
        Assert.True(revoked.StatusCode == HttpStatusCode.Created, await revoked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Recalling", (await ApiHost.JsonAsync(revoked)).GetProperty("status").GetString());
        Assert.Equal("Revoked", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{certificateId}", ApiHost.Admin, "Revoked"));

        // RULES.md §7 convention: the recall task ends when certificate and plaque are both back.
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/certificates/{certificateId}/returns", Enterprise, new { item = "certificate" }), HttpStatusCode.Forbidden);
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/returns", organization, new { item = "certificate" }, "Recalling");
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/returns", organization, new { item = "plaque" }, "BanRunning");

        // RULES.md §7 [001 art.21]: no new application inside the ban; the 422 names the condition.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 9, 1)));
        var refused = await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission());
        Assert.Contains(ConditionCodes.NoRevocationBan, await ApiSteps.AssertProblemAsync(refused, (HttpStatusCode)422), StringComparison.Ordinal);
    }

    // RULES.md §7 ban [001 art.21 「自撤销之日起满1年后」]: revoked 2026-06-01, the start day not counted, so the enterprise
    // may apply from 2027-06-02; the ban-ended notice names that day, the eligibility check refuses the day before and accepts it.
    [Fact]
    public async Task The_ban_ended_notice_names_the_first_day_the_eligibility_check_accepts()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Monday, notices);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var evidence = await ApiSteps.UploadAsync(host, DocumentKinds.RevocationEvidence, "inspection record");
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 6, 1)));
        var revoked = await host.PostAsync($"/api/certificates/{certificateId}/revocation", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal),
            new { grounds = new[] { "UncontrolledHazard" }, reason = "Major hazard left uncontrolled after inspection.", evidenceDocumentIds = new[] { evidence } });
        Assert.True(revoked.StatusCode == HttpStatusCode.Created, await revoked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/returns", organization, new { item = "certificate" }, "Recalling");
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/returns", organization, new { item = "plaque" }, "BanRunning");
        await Local.Eventually.HoldsAsync(() => notices.Requests.Any(r => r.Notice.Kind == NoticeKinds.CertificateRevoked && r.Notice.Recipient == Party.Enterprise), "the revocation notice");
        var revokedNotice = Assert.Single(notices.Requests, r => r.Notice.Kind == NoticeKinds.CertificateRevoked && r.Notice.Recipient == Party.Enterprise).Notice;
        Assert.Equal("2027-06-02", revokedNotice.Facts["banEndsOn"]);

        // The last day of the ban: no ban-ended notice yet, and the application is refused naming the next day.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2027, 6, 1)));
        await SweepAsync(host);
        Assert.DoesNotContain(notices.Requests, r => r.Notice.Kind == NoticeKinds.BanEnded);
        var refused = await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission()), (HttpStatusCode)422);
        Assert.Contains(ConditionCodes.NoRevocationBan, refused, StringComparison.Ordinal);
        Assert.Contains("2027-06-02", refused, StringComparison.Ordinal);

        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2027, 6, 2)));
        await SweepAsync(host);
        Assert.Equal("Closed", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/revocation/{certificateId}", ApiHost.Admin, "Closed"));
        await Local.Eventually.HoldsAsync(() => notices.Requests.Any(r => r.Notice.Kind == NoticeKinds.BanEnded && r.Notice.Recipient == Party.Enterprise), "the ban-ended notice");
        var ended = Assert.Single(notices.Requests, r => r.Notice.Kind == NoticeKinds.BanEnded && r.Notice.Recipient == Party.Enterprise).Notice;
        Assert.Equal(("2027-06-02", new LocalDate(2027, 6, 2)), (ended.Facts["mayApplyFrom"], ended.DueDate));
        var accepted = await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission());
        Assert.True(accepted.StatusCode == HttpStatusCode.Created, await accepted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_renewal_filed_inside_the_window_is_accepted_and_stops_the_certificates_reminders()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var regulator = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/licence-renewal", regulator, new { validUntil = "2032-12-31" }, "Active");
        Assert.Contains("renewal-window", await StateAsync(host, certificateId), StringComparison.Ordinal);

        // RULES.md §6 [001 art.17]: renew in the months before the last valid day (2029-03-09); about two months before here.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2029, 1, 8)));
        var renewal = await host.PostAsync("/api/applications", Enterprise, new
        {
            enterpriseId = ApiSteps.EnterpriseId, kind = "Renewal", grade = "Level3", systemRunningSince = "2025-06-01",
            postAndProfessionalStandardizationDone = true, dualPreventionInPlace = true, previousCertificateId = certificateId,
        });
        Assert.True(renewal.StatusCode == HttpStatusCode.Created, await renewal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var certificate = await ApiHost.JsonAsync(await host.GetAsync($"/api/certificates/{certificateId}", Enterprise));
        Assert.Equal("RenewalFiled", certificate.GetProperty("status").GetString());
        // RULES.md §6: once filed, the renewal window and reminder timers are cancelled.
        var state = await StateAsync(host, certificateId);
        Assert.DoesNotContain("renewal-window", state, StringComparison.Ordinal);
        Assert.DoesNotContain("renewal-reminder", state, StringComparison.Ordinal);
    }

    /// <summary>Runs the timer sweep at the fake clock's now, as the every-minute trigger would after the clock moved.</summary>
    private static Task<DueIndexSweepResult> SweepAsync(ApiHost host) =>
        host.App.Services.GetRequiredService<DueIndexSweeper>().CatchUpAsync(host.App.Services.GetRequiredService<DurableTaskClient>(), host.Clock.GetCurrentInstant(), TestContext.Current.CancellationToken);

    private static async Task<string> StateAsync(ApiHost host, string certificateId) =>
        (await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/certificate/{certificateId}", ApiHost.Admin))).GetProperty("state").GetRawText();
}
