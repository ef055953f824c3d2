using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The steps the API tests share: a registered Ningxia enterprise with its review bodies, its self-assessment, a certificate.</summary>
internal static class ApiSteps
{
    public const string Yinchuan = "640100";
    public const string EnterpriseId = "91640100MA76XQ124H";

    public static object Submission() => new
    {
        enterpriseId = EnterpriseId,
        kind = "Initial",
        grade = "Level3",
        systemRunningSince = "2025-06-01",
        postAndProfessionalStandardizationDone = true,
        dualPreventionInPlace = true,
    };

    public static async Task RegisterAsync(ApiHost host)
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

    }

    public static async Task StepAsync(ApiHost host, string path, Functions.Access.Caller caller, object body, string expected)
    {
        var response = await host.PostAsync(path, caller, body);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {text}");
        Assert.Equal(expected, (await ApiHost.JsonAsync(response)).GetProperty("status").GetString());
    }

    public static async Task<string?> StatusAsync(ApiHost host, string applicationId) =>
        (await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/application/{applicationId}", ApiHost.Admin))).GetProperty("status").GetString();

    public static async Task<string?> WaitForStatusAsync(ApiHost host, string path, Functions.Access.Caller caller, string expected)
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

    public static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        // RFC 9457: a problem's status member is the HTTP status, whatever else it carries.
        using var problem = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        return text;
    }

    /// <summary>Uploads a document of the enterprise as the enterprise would, returning its id.</summary>
    public static async Task<string> UploadAsync(ApiHost host, string kind, string text, string enterpriseId = EnterpriseId, string regionCode = Yinchuan)
    {
        var store = host.App.Services.GetRequiredService<DocumentStore>();
        using var content = new MemoryStream(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% {text}\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"));
        var upload = await store.UploadAsync(kind, enterpriseId, regionCode, ApiHost.Enterprise(enterpriseId), text + ".pdf", "application/pdf", content, TestContext.Current.CancellationToken);
        return upload.Document.Id;
    }

    /// <summary>
    /// The enterprise opens and submits a passed self-assessment of the current year (2026 unless named) through the API (RULES.md §2).
    /// A past year would already be overdue, and the timer sweep could mark it so at any moment.
    /// </summary>
    public static async Task SelfAssessAsync(ApiHost host, int year = 2026)
    {
        var enterprise = ApiHost.Enterprise(EnterpriseId);
        var opened = await host.PostAsync($"/api/enterprises/{EnterpriseId}/self-assessments/{year}/open", enterprise, new { grade = "Level3" });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var report = await UploadAsync(host, DocumentKinds.SelfAssessmentReports, $"self-assessment {year}");
        await StepAsync(host, $"/api/enterprises/{EnterpriseId}/self-assessments/{year}", enterprise,
            new { score = 82, selfAssessedGrade = "Level3", postedInternally = true, appliesForReview = true, reportDocumentId = report }, "Submitted");
    }

    /// <summary>From submission to an active Level 3 certificate issued on <paramref name="issuedOn"/>; returns the certificate id.</summary>
    public static async Task<string> CertifyAsync(ApiHost host, LocalDate issuedOn) => (await CertifyApplicationAsync(host, issuedOn)).CertificateId;

    /// <summary>As <see cref="CertifyAsync"/>, the unit's report given (default: passed, nothing to remediate); returns application and certificate ids.</summary>
    public static async Task<(string ApplicationId, string CertificateId)> CertifyApplicationAsync(ApiHost host, LocalDate issuedOn, object? report = null)
    {
        var applicationId = await AnnounceAsync(host, issuedOn, report);
        var issued = await host.PostAsync($"/api/applications/{applicationId}/certificate", ApiHost.Organization("org-nx", Yinchuan), new { });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var certificateId = (await ApiHost.JsonAsync(issued)).GetProperty("certificateId").GetString()!;
        Assert.Equal("Active", await WaitForStatusAsync(host, $"/api/workflows/certificate/{certificateId}", ApiHost.Admin, "Active"));
        return (applicationId, certificateId);
    }

    /// <summary>From submission to an application announced on <paramref name="announcedOn"/>, the certificate not yet issued; returns the application id.</summary>
    public static async Task<string> AnnounceAsync(ApiHost host, LocalDate announcedOn, object? report = null)
    {
        var organization = ApiHost.Organization("org-nx", Yinchuan);
        var regulator = ApiHost.Regulator(Yinchuan, SafetyCert.Domain.Grading.RegulatorLevel.Municipal);
        var submitted = await host.PostAsync("/api/applications", ApiHost.Enterprise(EnterpriseId), Submission());
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        await StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = true }, "AwaitingAssignment");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/api/applications/{applicationId}/draw", organization, new { })).StatusCode);
        await StepAsync(host, $"/api/applications/{applicationId}/report", ApiHost.Unit("unit-1"), report ?? new { passed = true, findings = "Meets level 3." }, "ReportAudit");
        await StepAsync(host, $"/api/applications/{applicationId}/audit", organization, new { forwarded = true }, "AwaitingPublicNotice");
        await StepAsync(host, $"/api/applications/{applicationId}/notice", regulator, new { }, "PublicNotice");
        host.Clock.Reset(ShanghaiNine(announcedOn));
        await StepAsync(host, $"/api/applications/{applicationId}/announcement", regulator, new { }, "Announced");
        return applicationId;
    }

    /// <summary>09:00 in Beijing on a date.</summary>
    public static Instant ShanghaiNine(LocalDate date) => date.At(new LocalTime(9, 0)).InZoneStrictly(SafetyCert.Domain.Time.ShanghaiTime.Zone).ToInstant();
}
