using System.Net;
using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Renewal without an on-site review (RULES.md §6 [001 art.17]): assessed before applying, confirmed by the organization, or the normal way.</summary>
public sealed class FastTrackRenewalTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
    private static readonly Functions.Access.Caller Organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);

    private static object Renewal(string certificateId, bool sitesRebuilt = false) => new
    {
        enterpriseId = ApiSteps.EnterpriseId, kind = "Renewal", grade = "Level3", systemRunningSince = "2025-06-01",
        postAndProfessionalStandardizationDone = true, dualPreventionInPlace = true, previousCertificateId = certificateId,
        sitesRebuiltExpandedOrRelocated = sitesRebuilt,
    };

    // RULES.md §6, seed 001 art.17: the Ningxia certificate issued 2026-03-10 is valid through 2029-03-09; a report was
    // submitted and posted for 2026, 2027 and 2028; no accident, no open remediation. Filed on 2029-01-08, inside the
    // window, the renewal meets every condition: the organization confirms it, a new certificate is issued without an
    // on-site review and the old one is superseded.
    [Fact]
    public async Task A_renewal_meeting_every_condition_is_confirmed_and_renewed_without_an_on_site_review()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var certificateId = await CertifiedWithReportsAsync(host);

        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2029, 1, 8)));
        var assessed = await host.PostAsync("/api/applications/fast-track-assessment", Enterprise, Renewal(certificateId));
        Assert.True(assessed.StatusCode == HttpStatusCode.OK, await assessed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var assessment = await ApiHost.JsonAsync(assessed);
        var conditions = assessment.GetProperty("conditions").EnumerateArray().ToList();
        Assert.True(assessment.GetProperty("eligible").GetBoolean(), assessment.GetRawText());
        Assert.Equal(9, conditions.Count);
        Assert.All(conditions, c => Assert.True(c.GetProperty("met").GetBoolean()));
        Assert.Contains(conditions, c => c.GetProperty("code").GetString() == ConditionCodes.FastTrackSelfAssessments && c.GetProperty("source").GetString() == "001 art.17(2)");
        Assert.All(conditions, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("reason").GetString())));
        // The assessment writes nothing: the certificate has no renewal filed and keeps its reminders.
        Assert.Equal("Active", (await ApiHost.JsonAsync(await host.GetAsync($"/api/certificates/{certificateId}", Enterprise))).GetProperty("status").GetString());

        var submitted = await host.PostAsync("/api/applications", Enterprise, Renewal(certificateId));
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        var application = await ApiHost.JsonAsync(await host.GetAsync($"/api/applications/{applicationId}", Enterprise));
        Assert.True(application.GetProperty("fastTrackEligible").GetBoolean());
        Assert.Empty(application.GetProperty("fastTrackFailures").EnumerateArray());
        Assert.Equal("RenewalFiled", (await ApiHost.JsonAsync(await host.GetAsync($"/api/certificates/{certificateId}", Enterprise))).GetProperty("status").GetString());

        // Only the review organization confirms; then the extension stands announced, with no review unit drawn.
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/fast-track-confirmation", Enterprise, new { }), HttpStatusCode.Forbidden);
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/fast-track-confirmation", Organization, new { }, "Announced");
        var issued = await host.PostAsync($"/api/applications/{applicationId}/certificate", Organization, new { });
        Assert.True(issued.StatusCode == HttpStatusCode.Created, await issued.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var renewedId = (await ApiHost.JsonAsync(issued)).GetProperty("certificateId").GetString()!;

        Assert.Equal("Active", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{renewedId}", ApiHost.Admin, "Active"));
        Assert.Equal("Superseded", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{certificateId}", ApiHost.Admin, "Superseded"));
        var renewed = await ApiHost.JsonAsync(await host.GetAsync($"/api/applications/{applicationId}", Enterprise));
        Assert.Equal(JsonValueKind.Null, renewed.GetProperty("reviewUnitId").ValueKind);
        Assert.Equal("2029-01-08", renewed.GetProperty("fastTrackConfirmedOn").GetString());
    }

    // RULES.md §6 [001 art.17(2), (6)]: reports missing for 2027 and 2028 and a relocated site fail the fast track; the
    // assessment names both, the application records them, the organization cannot confirm it (409 naming them), and it
    // goes the normal way towards a review unit.
    [Fact]
    public async Task A_renewal_failing_conditions_records_them_and_goes_to_a_review_unit()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/licence-renewal", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), new { validUntil = "2032-12-31" }, "Active");

        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2029, 1, 8)));
        // Bad input is named before anything is read further: only a renewal is assessed, of a certificate of the enterprise.
        Assert.Contains("kind", await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/applications/fast-track-assessment", Enterprise, ApiSteps.Submission()), HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var unknown = await host.PostAsync("/api/applications/fast-track-assessment", Enterprise, Renewal("cert-of-someone-else"));
        Assert.Contains("previousCertificateId", await ApiSteps.AssertProblemAsync(unknown, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        var assessment = await ApiHost.JsonAsync(await host.PostAsync("/api/applications/fast-track-assessment", Enterprise, Renewal(certificateId, sitesRebuilt: true)));
        Assert.False(assessment.GetProperty("eligible").GetBoolean());
        var failed = assessment.GetProperty("conditions").EnumerateArray().Where(c => !c.GetProperty("met").GetBoolean()).ToList();
        Assert.Equal([ConditionCodes.FastTrackSelfAssessments, ConditionCodes.FastTrackNoSiteChanges], failed.Select(c => c.GetProperty("code").GetString()));
        Assert.Contains("2027, 2028", failed[0].GetProperty("reason").GetString(), StringComparison.Ordinal);

        var submitted = await host.PostAsync("/api/applications", Enterprise, Renewal(certificateId, sitesRebuilt: true));
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        var application = await ApiHost.JsonAsync(await host.GetAsync($"/api/applications/{applicationId}", Enterprise));
        Assert.False(application.GetProperty("fastTrackEligible").GetBoolean());
        Assert.Equal(
            [ConditionCodes.FastTrackSelfAssessments, ConditionCodes.FastTrackNoSiteChanges],
            application.GetProperty("fastTrackFailures").EnumerateArray().Select(f => f.GetProperty("code").GetString()));

        var refused = await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/fast-track-confirmation", Organization, new { }), HttpStatusCode.Conflict);
        Assert.Contains(ConditionCodes.FastTrackSelfAssessments, refused, StringComparison.Ordinal);
        Assert.Contains(ConditionCodes.FastTrackNoSiteChanges, refused, StringComparison.Ordinal);
        // The normal way: the materials are accepted and the 3-month review clock starts for a review unit to be drawn.
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", Organization, new { accepted = true }, "AwaitingAssignment");
        var reviewed = await ApiHost.JsonAsync(await host.GetAsync($"/api/applications/{applicationId}", Enterprise));
        Assert.Contains(reviewed.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("name").GetString() == "review");
    }

    // RULES.md §6: one renewal per certificate at a time; the second is refused before anything is written, naming the open one.
    [Fact]
    public async Task A_second_renewal_of_the_same_certificate_is_refused_naming_the_open_one()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/licence-renewal", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), new { validUntil = "2032-12-31" }, "Active");
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2029, 1, 8)));
        var first = await SubmitWithKeyAsync(host, Renewal(certificateId), "renewal-2029");
        Assert.True(first.StatusCode == HttpStatusCode.Created, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var firstId = (await ApiHost.JsonAsync(first)).GetProperty("instanceId").GetString()!;

        // The same request retried with its Idempotency-Key is the same renewal, not a second one.
        var retried = await SubmitWithKeyAsync(host, Renewal(certificateId), "renewal-2029");
        Assert.True(retried.StatusCode == HttpStatusCode.Created, await retried.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(firstId, (await ApiHost.JsonAsync(retried)).GetProperty("instanceId").GetString());
        var before = (await ApiHost.JsonAsync(await host.GetAsync($"/api/enterprises/{ApiSteps.EnterpriseId}", Enterprise))).GetRawText();

        var second = await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/applications", Enterprise, Renewal(certificateId)), HttpStatusCode.Conflict);

        Assert.Contains(firstId, second, StringComparison.Ordinal);
        using (var problem = JsonDocument.Parse(second))
        {
            Assert.Equal(firstId, problem.RootElement.GetProperty("openApplicationId").GetString());
        }

        Assert.Equal(before, (await ApiHost.JsonAsync(await host.GetAsync($"/api/enterprises/{ApiSteps.EnterpriseId}", Enterprise))).GetRawText());
        Assert.Equal("MaterialReview", await ApiSteps.StatusAsync(host, firstId));

        // Once the first is withdrawn, a new renewal may be filed.
        await ApiSteps.StepAsync(host, $"/api/applications/{firstId}/withdrawal", Enterprise, new { }, "Withdrawn");
        var third = await host.PostAsync("/api/applications", Enterprise, Renewal(certificateId));
        Assert.True(third.StatusCode == HttpStatusCode.Created, await third.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<HttpResponseMessage> SubmitWithKeyAsync(ApiHost host, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/applications") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.TokenFor(Enterprise));
        request.Headers.Add("Idempotency-Key", key);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    // A certificate issued 2026-03-10 with a licence through 2032 and a posted report for each of 2026, 2027 and 2028.
    private static async Task<string> CertifiedWithReportsAsync(ApiHost host)
    {
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        await ApiSteps.StepAsync(host, $"/api/certificates/{certificateId}/licence-renewal", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), new { validUntil = "2032-12-31" }, "Active");
        foreach (var year in new[] { 2027, 2028 })
        {
            host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(year, 12, 1)));
            await ApiSteps.SelfAssessAsync(host, year);
        }

        return certificateId;
    }
}
