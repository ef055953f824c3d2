using System.Net;
using NodaTime;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>A step the workflow refuses is answered 409 and writes nothing: repeating it cannot grow the audit trail.</summary>
public sealed class RefusedStepTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task Repeated_refused_steps_leave_the_history_and_status_as_they_were()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var submitted = await host.PostAsync("/api/applications", ApiHost.Enterprise(ApiSteps.EnterpriseId), ApiSteps.Submission());
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = true }, "AwaitingAssignment");
        var historyPath = $"/api/workflows/application/{applicationId}/history";
        var before = await (await host.GetAsync(historyPath, ApiHost.Admin)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < 3; i++)
        {
            // No report yet: its audit is out of order.
            var refused = await host.PostAsync($"/api/applications/{applicationId}/audit", organization, new { forwarded = true });
            await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.Conflict);
        }

        var after = await (await host.GetAsync(historyPath, ApiHost.Admin)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, after);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/api/applications/{applicationId}/draw", organization, new { })).StatusCode);
    }

    [Fact]
    public async Task A_refused_certificate_issue_takes_no_number_from_the_yearly_sequence()
    {
        // RULES.md §5 [001 annex 5]: numbers are taken only by an issue that succeeds.
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var applicationId = await ApiSteps.AnnounceAsync(host, new LocalDate(2026, 3, 10));
        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var path = $"/api/applications/{applicationId}/certificate";

        foreach (var on in new[] { "2026-03-05", "2026-03-20" })
        {
            // Before the announcement, and after today: both refused.
            await ApiSteps.AssertProblemAsync(await host.PostAsync(path, organization, new { on }), HttpStatusCode.Conflict);
        }

        var issued = await host.PostAsync(path, organization, new { });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var number = (await ApiHost.JsonAsync(issued)).GetProperty("number").GetString()!;
        Assert.EndsWith("2026000001", number, StringComparison.Ordinal);
    }
}
