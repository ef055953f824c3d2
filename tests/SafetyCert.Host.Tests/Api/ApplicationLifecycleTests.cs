using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Api.Enterprises;
using SafetyCert.Host.Tests.Triggers;

namespace SafetyCert.Host.Tests.Api;

/// <summary>An application from submission to certificate through HTTP, each step by its party, and what the API refuses.</summary>
public sealed class ApplicationLifecycleTests(AzuriteFixture azurite)
{
    private const string Yinchuan = "640100";
    private const string EnterpriseId = "91640100MA76XQ1234";
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task An_application_goes_from_submission_to_an_active_numbered_certificate_each_step_by_its_party()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await RegisterAsync(host);
        var enterprise = ApiHost.Enterprise(EnterpriseId);
        var organization = ApiHost.Organization("org-nx", Yinchuan);
        var unit = ApiHost.Unit("unit-1");
        var regulator = ApiHost.Regulator(Yinchuan, RegulatorLevel.Municipal);

        // RULES.md §3, [000 §2(3)]: six months of running system and a passed self-assessment.
        var submitted = await host.PostAsync("/api/applications", enterprise, Submission());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;

        await StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = true }, "AwaitingAssignment");
        var draw = await host.PostAsync($"/api/applications/{applicationId}/draw", organization, new { });
        Assert.True(draw.StatusCode == HttpStatusCode.OK, await draw.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var drawn = await ApiHost.JsonAsync(draw);
        Assert.Equal("unit-1", drawn.GetProperty("chosenUnitId").GetString());
        Assert.Contains(drawn.GetProperty("exclusions").EnumerateArray(), e => e.GetProperty("unitId").GetString() == "unit-2");
        await StepAsync(host, $"/api/applications/{applicationId}/report", unit, new { passed = true, findings = "Meets level 3." }, "ReportAudit");
        await StepAsync(host, $"/api/applications/{applicationId}/audit", organization, new { forwarded = true }, "AwaitingPublicNotice");
        await StepAsync(host, $"/api/applications/{applicationId}/notice", regulator, new { on = "2026-03-02" }, "PublicNotice");
        // RULES.md §4.7 [001 art.15]: five working days of notice (03-03 … 03-09); announced after.
        host.Clock.Reset(Instant.FromUtc(2026, 3, 10, 1, 0));
        await StepAsync(host, $"/api/applications/{applicationId}/announcement", regulator, new { on = "2026-03-10" }, "Announced");
        var issued = await host.PostAsync($"/api/applications/{applicationId}/certificate", organization, new { on = "2026-03-10" });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var certificate = await ApiHost.JsonAsync(issued);

        // RULES.md §5 convention: region abbreviation + AQB + level digit + year + six-digit sequence.
        var number = certificate.GetProperty("number").GetString()!;
        Assert.Matches(new Regex("^宁AQBⅢ2026[0-9]{6}$"), number);
        var certificateId = certificate.GetProperty("certificateId").GetString()!;
        var status = await WaitForStatusAsync(host, $"/api/workflows/certificate/{certificateId}", enterprise, "Active");
        Assert.Equal("Active", status);
        var byNumber = await host.GetAsync($"/api/certificates/by-number/{Uri.EscapeDataString(number)}", enterprise);
        Assert.Equal(certificateId, (await ApiHost.JsonAsync(byNumber)).GetProperty("certificate").GetProperty("certificateId").GetString());
    }

    [Fact]
    public async Task Bad_input_is_a_problem_and_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await RegisterAsync(host);
        var enterprise = ApiHost.Enterprise(EnterpriseId);
        var submitted = await host.PostAsync("/api/applications", enterprise, Submission());
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;

        // Malformed JSON and an impossible date: 400 naming the field, no enterprise row.
        var malformed = await host.SendAsync(HttpMethod.Post, "/api/enterprises", ApiHost.Admin, rawJson: """{"code": "91640100MA76XQ9999", "name": """);
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest);
        var impossible = await host.SendAsync(HttpMethod.Post, "/api/enterprises", ApiHost.Admin, rawJson:
            """{"code":"91640100MA76XQ9999","name":"B","regionCode":"640100","industry":"chemicals","licenceRequired":true,"licenceValidUntil":"2026-02-30"}""");
        var problem = await AssertProblemAsync(impossible, HttpStatusCode.BadRequest);
        Assert.Contains("licenceValidUntil", problem, StringComparison.Ordinal);
        Assert.Null(await host.App.Services.GetRequiredService<EnterpriseRegistry>().GetAsync("91640100MA76XQ9999", TestContext.Current.CancellationToken));

        // Unknown ids: 404.
        await AssertProblemAsync(await host.GetAsync("/api/applications/app-nope", enterprise), HttpStatusCode.NotFound);
        await AssertProblemAsync(await host.GetAsync("/api/certificates/cert-nope", ApiHost.Admin), HttpStatusCode.NotFound);

        // Out of order (RULES.md §4): announcing before material review is a 409 with the decider's reason; status unchanged.
        var early = await host.PostAsync($"/api/applications/{applicationId}/announcement", ApiHost.Regulator(Yinchuan, RegulatorLevel.Municipal), new { });
        var reason = await AssertProblemAsync(early, HttpStatusCode.Conflict);
        Assert.Contains("MaterialReview", reason, StringComparison.Ordinal);
        Assert.Equal("MaterialReview", await StatusAsync(host, applicationId));

        // Cross-jurisdiction: Beijing's regulator cannot act on a Ningxia application; enterprise B cannot read A.
        await AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/material-review", ApiHost.Organization("org-bj", "110000"), new { accepted = true }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/notice", ApiHost.Regulator("110000", RegulatorLevel.Provincial), new { }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await host.GetAsync($"/api/enterprises/{EnterpriseId}", ApiHost.Enterprise("91110000MA00000000")), HttpStatusCode.Forbidden);
        Assert.Equal("MaterialReview", await StatusAsync(host, applicationId));

        // Forged and expired tokens: 401.
        var forged = host.TokenFor(enterprise)[..^4] + "AAAA";
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Get, $"/api/enterprises/{EnterpriseId}", null, token: forged), HttpStatusCode.Unauthorized);
        var past = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-3));
        var expired = new Host.Access.TokenIssuer(Microsoft.Extensions.Options.Options.Create(new Host.Access.JwtOptions { SigningKey = ApiHost.SigningKey }), past)
            .Issue(enterprise, TimeSpan.FromHours(1));
        await AssertProblemAsync(await host.SendAsync(HttpMethod.Get, $"/api/enterprises/{EnterpriseId}", null, token: expired), HttpStatusCode.Unauthorized);
    }

    private static object Submission() => new
    {
        enterpriseId = EnterpriseId,
        kind = "Initial",
        grade = "Level3",
        systemRunningSince = "2025-06-01",
        postAndProfessionalStandardizationDone = true,
        dualPreventionInPlace = true,
    };

    private static async Task RegisterAsync(ApiHost host)
    {
        var registered = await host.PostAsync("/api/enterprises", ApiHost.Regulator(Yinchuan, RegulatorLevel.Municipal), new
        {
            code = EnterpriseId, name = "Helan Chemicals", regionCode = Yinchuan, industry = "chemicals", licenceRequired = true, licenceValidUntil = "2028-12-31",
            consultingProvider = "Consult Co",
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/review-organizations", ApiHost.Admin, new { id = "org-nx", name = "Yinchuan review centre", regionCode = Yinchuan, level = "Municipal" })).StatusCode);
        foreach (var (id, consulting) in new[] { ("unit-1", Array.Empty<object>()), ("unit-2", new object[] { new { enterpriseId = EnterpriseId, from = "2025-01-01" } }) })
        {
            var unit = await host.SendAsync(HttpMethod.Put, $"/api/review-organizations/org-nx/units/{id}", ApiHost.Admin, new
            {
                id, name = $"Unit {id}", approvedGrades = new[] { "Level3", "SmallMicro" }, industries = new[] { "chemicals" }, accreditedThrough = "2027-12-31", consulting,
            });
            Assert.Equal(HttpStatusCode.OK, unit.StatusCode);
        }

        // Self-assessment endpoints are not part of the API yet; the passed report is put on file directly.
        await host.App.Services.GetRequiredService<EnterpriseRegistry>().SaveSelfAssessmentAsync(
            EnterpriseId, new SelfAssessmentReport(2025, new LocalDate(2025, 12, 20), 82m, Grade.Level3, true, "doc-sa-2025"), TestContext.Current.CancellationToken);
    }

    private static async Task StepAsync(ApiHost host, string path, Host.Access.Caller caller, object body, string expected)
    {
        var response = await host.PostAsync(path, caller, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal(expected, (await ApiHost.JsonAsync(response)).GetProperty("status").GetString());
    }

    private static async Task<string?> StatusAsync(ApiHost host, string applicationId) =>
        (await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/application/{applicationId}", ApiHost.Admin))).GetProperty("status").GetString();

    private static async Task<string?> WaitForStatusAsync(ApiHost host, string path, Host.Access.Caller caller, string expected)
    {
        string? status = null;
        for (var i = 0; i < 100 && status != expected; i++)
        {
            var response = await host.GetAsync(path, caller);
            status = response.StatusCode == HttpStatusCode.OK ? (await ApiHost.JsonAsync(response)).GetProperty("status").GetString() : null;
            if (status != expected)
            {
                await Task.Delay(200, TestContext.Current.CancellationToken);
            }
        }

        return status;
    }

    private static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return text;
    }
}
