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
}
