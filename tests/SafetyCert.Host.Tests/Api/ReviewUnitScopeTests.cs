using System.Net;
using System.Net.Http.Headers;
using NodaTime;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>A review unit acts only on the applications a draw assigned to it, and a unit id names one unit (RULES.md §4.2).</summary>
public sealed class ReviewUnitScopeTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task A_unit_id_registered_under_one_organization_is_refused_under_another()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/review-organizations", ApiHost.Admin, new { id = "org-nx-2", name = "Second centre", regionCode = ApiSteps.Yinchuan, level = "Municipal" })).StatusCode);

        var taken = await host.SendAsync(HttpMethod.Put, "/api/review-organizations/org-nx-2/units/unit-1", ApiHost.Admin, Unit("unit-1"));
        var problem = await ApiSteps.AssertProblemAsync(taken, HttpStatusCode.Conflict);
        Assert.Contains("unit-1", problem, StringComparison.Ordinal);
        Assert.DoesNotContain(await UnitIdsAsync(host, "org-nx-2"), id => id == "unit-1");

        // Its own organization may still change it, and a new id is free to take.
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Put, "/api/review-organizations/org-nx/units/unit-1", ApiHost.Admin, Unit("unit-1"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Put, "/api/review-organizations/org-nx-2/units/unit-9", ApiHost.Admin, Unit("unit-9"))).StatusCode);
    }

    [Fact]
    public async Task Only_the_drawn_unit_files_reports_and_takes_steps_for_the_application()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var documents = $"/api/enterprises/{ApiSteps.EnterpriseId}/documents";

        // Before any draw no unit, registered or not, files a report for the enterprise.
        foreach (var unit in new[] { "unit-1", "unit-2", "ghost-unit" })
        {
            await ApiSteps.AssertProblemAsync(await UploadAsync(host, ApiHost.Unit(unit), documents), HttpStatusCode.Forbidden);
        }

        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var submitted = await host.PostAsync("/api/applications", ApiHost.Enterprise(ApiSteps.EnterpriseId), ApiSteps.Submission());
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = true }, "AwaitingAssignment");
        var draw = await host.PostAsync($"/api/applications/{applicationId}/draw", organization, new { });
        // unit-2 consulted for the enterprise and is excluded, so the draw picks unit-1.
        Assert.Equal("unit-1", (await ApiHost.JsonAsync(draw)).GetProperty("chosenUnitId").GetString());

        foreach (var unit in new[] { "unit-2", "ghost-unit" })
        {
            await ApiSteps.AssertProblemAsync(await UploadAsync(host, ApiHost.Unit(unit), documents), HttpStatusCode.Forbidden);
            // An application the unit was not drawn for is one it cannot see: 404, as for an id that does not exist.
            await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/report", ApiHost.Unit(unit), new { passed = true, findings = "Meets level 3." }), HttpStatusCode.NotFound);
            await ApiSteps.AssertProblemAsync(await host.PostAsync($"/api/applications/{applicationId}/remediation-start", ApiHost.Unit(unit), new { }), HttpStatusCode.NotFound);
        }

        Assert.Equal("UnderReview", await ApiSteps.StatusAsync(host, applicationId));
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(host, ApiHost.Unit("unit-1"), documents)).StatusCode);
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/report", ApiHost.Unit("unit-1"), new { passed = true, findings = "Meets level 3." }, "ReportAudit");
    }

    private static object Unit(string id) => new
    {
        id, name = $"Unit {id}", approvedGrades = new[] { "Level3" }, industries = new[] { "chemicals" }, accreditedThrough = "2027-12-31",
    };

    private static async Task<IEnumerable<string>> UnitIdsAsync(ApiHost host, string organizationId)
    {
        var units = await ApiHost.JsonAsync(await host.GetAsync($"/api/review-organizations/{organizationId}/units", ApiHost.Admin));
        return [.. units.EnumerateArray().Select(u => u.GetProperty("id").GetString()!)];
    }

    private static async Task<HttpResponseMessage> UploadAsync(ApiHost host, Caller unit, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(unit));
        var file = new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes("%PDF-1.7\n% review report\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        request.Content = new MultipartFormDataContent { { new StringContent(DocumentKinds.ReviewReports), "kind" }, { file, "file", "report.pdf" } };
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
