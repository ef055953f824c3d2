using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>An application from submission to certificate through HTTP, each step by its party, and what the API refuses.</summary>
public sealed class ApplicationLifecycleTests(AzuriteFixture azurite)
{
    private const string Yinchuan = ApiSteps.Yinchuan;
    private const string EnterpriseId = ApiSteps.EnterpriseId;
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task An_application_goes_from_submission_to_an_active_numbered_certificate_each_step_by_its_party()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var enterprise = ApiHost.Enterprise(EnterpriseId);
        var organization = ApiHost.Organization("org-nx", Yinchuan);
        var unit = ApiHost.Unit("unit-1");
        var regulator = ApiHost.Regulator(Yinchuan, RegulatorLevel.Municipal);

        // RULES.md §3, [000 §2(3)]: six months of running system and a passed self-assessment.
        var submitted = await host.PostAsync("/api/applications", enterprise, ApiSteps.Submission());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;

        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = true }, "AwaitingAssignment");
        var draw = await host.PostAsync($"/api/applications/{applicationId}/draw", organization, new { });
        Assert.True(draw.StatusCode == HttpStatusCode.OK, await draw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var drawn = await ApiHost.JsonAsync(draw);
        Assert.Equal("unit-1", drawn.GetProperty("chosenUnitId").GetString());
        Assert.Contains(drawn.GetProperty("exclusions").EnumerateArray(), e => e.GetProperty("unitId").GetString() == "unit-2");
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/report", unit, new { passed = true, findings = "Meets level 3." }, "ReportAudit");
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/audit", organization, new { forwarded = true }, "AwaitingPublicNotice");
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/notice", regulator, new { on = "2026-03-02" }, "PublicNotice");
        // RULES.md §4.7 [001 art.15]: five working days of notice (03-03 … 03-09); announced after.
        host.Clock.Reset(Instant.FromUtc(2026, 3, 10, 1, 0));
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/announcement", regulator, new { on = "2026-03-10" }, "Announced");
        var issued = await host.PostAsync($"/api/applications/{applicationId}/certificate", organization, new { on = "2026-03-10" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var certificate = await ApiHost.JsonAsync(issued);

        // RULES.md §5 convention: region abbreviation + AQB + level digit + year + six-digit sequence.
        var number = certificate.GetProperty("number").GetString()!;
        Assert.Matches(new Regex("^宁AQBⅢ2026[0-9]{6}$"), number);
        var certificateId = certificate.GetProperty("certificateId").GetString()!;
        var status = await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{certificateId}", enterprise, "Active");
        Assert.Equal("Active", status);
        var byNumber = await host.GetAsync($"/api/certificates/by-number/{Uri.EscapeDataString(number)}", enterprise);
        Assert.Equal(certificateId, (await ApiHost.JsonAsync(byNumber)).GetProperty("certificate").GetProperty("certificateId").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_problem_and_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var enterprise = ApiHost.Enterprise(EnterpriseId);
        var submitted = await host.PostAsync("/api/applications", enterprise, ApiSteps.Submission());
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;

        // Malformed JSON and an impossible date: 400 naming the field, no enterprise row.
        var malformed = await host.SendAsync(HttpMethod.Post, "/api/enterprises", ApiHost.Admin, rawJson: """{"code": "91640100MA76XQ999M", "name": """);
        await ApiSteps.AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        var impossible = await host.SendAsync(HttpMethod.Post, "/api/enterprises", ApiHost.Admin, rawJson:
            """{"code":"91640100MA76XQ999M","name":"B","regionCode":"640100","industry":"chemicals","licenceRequired":true,"licenceValidUntil":"2026-02-30"}""");
        var problem = await ApiSteps.AssertProblemAsync(impossible, HttpStatusCode.BadRequest);
        Assert.Contains("licenceValidUntil", problem, StringComparison.Ordinal);
        Assert.Null(await host.App.Services.GetRequiredService<EnterpriseRegistry>().GetAsync("91640100MA76XQ999M", TestContext.Current.CancellationToken));

        // Unknown ids: 404.
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/applications/app-nope", enterprise), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/certificates/cert-nope", ApiHost.Admin), HttpStatusCode.NotFound);

        // Out of order (RULES.md §4): announcing before material review is a 409 with the decider's reason; status unchanged.
        var early = await host.PostAsync($"/api/applications/{applicationId}/announcement", ApiHost.Regulator(Yinchuan, RegulatorLevel.Municipal), new { });
        var reason = await ApiSteps.AssertProblemAsync(early, HttpStatusCode.Conflict);
        Assert.Contains("MaterialReview", reason, StringComparison.Ordinal);
        using (var refusal = System.Text.Json.JsonDocument.Parse(reason))
        {
            Assert.Equal(409, refusal.RootElement.GetProperty("status").GetInt32());
            Assert.Equal("MaterialReview", refusal.RootElement.GetProperty("workflowStatus").GetString());
        }

        Assert.Equal("MaterialReview", await ApiSteps.StatusAsync(host, applicationId));

        // Cross-jurisdiction: Beijing's regulator cannot act on a Ningxia application; enterprise B cannot read A. To them
        // these ids answer as ids that do not exist (404); the enterprise itself, which sees its application, gets 403.
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/material-review", ApiHost.Organization("org-bj", "110000"), new { accepted = true }), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/notice", ApiHost.Regulator("110000", RegulatorLevel.Provincial), new { }), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync($"/api/enterprises/{EnterpriseId}", ApiHost.Enterprise("91110000MA0000000H")), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/notice", ApiHost.Enterprise(EnterpriseId), new { }), HttpStatusCode.Forbidden);
        Assert.Equal("MaterialReview", await ApiSteps.StatusAsync(host, applicationId));

        // Forged and expired tokens: 401.
        var forged = host.TokenFor(enterprise)[..^4] + "AAAA";
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, $"/api/enterprises/{EnterpriseId}", null, token: forged), HttpStatusCode.Unauthorized);
        var past = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        var expired = new Functions.Access.TokenIssuer(Microsoft.Extensions.Options.Options.Create(new Functions.Access.JwtOptions { SigningKey = ApiHost.SigningKey }), past)
            .Issue(enterprise, TimeSpan.FromHours(1));
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, $"/api/enterprises/{EnterpriseId}", null, token: expired), HttpStatusCode.Unauthorized);
    }
}
