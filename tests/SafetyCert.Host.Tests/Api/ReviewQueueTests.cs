using System.Net;
using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The work lists of review bodies: an organization's queue and a unit's assignments, nearest deadline first.</summary>
public sealed class ReviewQueueTests(AzuriteFixture azurite)
{
    private const string SecondId = "91640104MA76XQ001A";
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);

    // RULES.md §4.1 [000 §3(2)1]: material review within 10 working days; §4.3: the review within 3 months of acceptance.
    [Fact]
    public async Task The_queue_lists_running_applications_by_due_date_with_working_days_left()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var first = await SubmitAsync(host, ApiSteps.EnterpriseId);

        var queue = await QueueAsync(host, "/api/review-organizations/org-nx/queue", Organization);
        var item = Assert.Single(queue);
        Assert.Equal(first, item.GetProperty("applicationId").GetString());
        Assert.Equal(ApiSteps.EnterpriseId, item.GetProperty("enterpriseId").GetString());
        Assert.Equal("Helan Chemicals", item.GetProperty("enterpriseName").GetString());
        Assert.Equal("Level3", item.GetProperty("grade").GetString());
        Assert.Equal("Initial", item.GetProperty("kind").GetString());
        Assert.Equal("MaterialReview", item.GetProperty("stage").GetString());
        Assert.Equal("material-review", item.GetProperty("deadlineKind").GetString());
        Assert.Equal("2026-03-16", item.GetProperty("dueOn").GetString());
        Assert.Equal(10, item.GetProperty("workingDaysLeft").GetInt32());
        Assert.False(item.GetProperty("overdue").GetBoolean());

        // Friday before the Monday it is due: one working day left, though three calendar days.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 3, 13)));
        Assert.Equal(1, Assert.Single(await QueueAsync(host, "/api/review-organizations/org-nx/queue", Organization)).GetProperty("workingDaysLeft").GetInt32());

        // A second enterprise of the organization's city applies later; its review falls due later.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 3, 4)));
        await RegisterSecondAsync(host);
        var second = await SubmitAsync(host, SecondId);
        Assert.Equal([first, second], (await QueueAsync(host, "/api/review-organizations/org-nx/queue", Organization)).Select(i => i.GetProperty("applicationId").GetString()));

        // Accepted and drawn, the first application's next deadline is the 3-month review; the second now comes first.
        await ApiSteps.StepAsync(host, $"/api/applications/{first}/material-review", Organization, new { accepted = true }, "AwaitingAssignment");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/api/applications/{first}/draw", Organization, new { })).StatusCode);
        queue = await QueueAsync(host, "/api/review-organizations/org-nx/queue", Organization);
        Assert.Equal([second, first], queue.Select(i => i.GetProperty("applicationId").GetString()));
        Assert.Equal("review", queue[1].GetProperty("deadlineKind").GetString());
        Assert.Equal("2026-06-04", queue[1].GetProperty("dueOn").GetString());

        // Past its day, the second's material review is overdue and its working days left are negative.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 3, 20)));
        var late = (await QueueAsync(host, "/api/review-organizations/org-nx/queue?stage=MaterialReview", Organization)).Single();
        Assert.Equal(second, late.GetProperty("applicationId").GetString());
        Assert.Equal("2026-03-18", late.GetProperty("dueOn").GetString());
        Assert.True(late.GetProperty("overdue").GetBoolean());
        Assert.Equal(-2, late.GetProperty("workingDaysLeft").GetInt32());
        Assert.Equal([first], (await QueueAsync(host, "/api/review-organizations/org-nx/queue?stage=UnderReview", Organization)).Select(i => i.GetProperty("applicationId").GetString()));

        // The regulator over the city reads the queue too; the unit drawn sees its assignment, the other unit nothing.
        Assert.Equal(2, (await QueueAsync(host, "/api/review-organizations/org-nx/queue", ApiHost.Regulator("640000", RegulatorLevel.Provincial))).Count);
        var assignment = Assert.Single(await QueueAsync(host, "/api/review-units/unit-1/assignments", ApiHost.Unit("unit-1")));
        Assert.Equal(first, assignment.GetProperty("applicationId").GetString());
        Assert.Equal("UnderReview", assignment.GetProperty("stage").GetString());
        Assert.Equal("2026-06-04", assignment.GetProperty("dueOn").GetString());
        Assert.Single(await QueueAsync(host, "/api/review-units/unit-1/assignments", Organization));
        Assert.Empty(await QueueAsync(host, "/api/review-units/unit-2/assignments", ApiHost.Unit("unit-2")));
    }

    [Fact]
    public async Task Queues_refuse_callers_out_of_scope_unknown_bodies_and_bad_stages()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/review-organizations", ApiHost.Admin, new { id = "org-bj", name = "Beijing review centre", regionCode = "110000", level = "Provincial" })).StatusCode);
        var beijing = ApiHost.Organization("org-bj", "110000");

        // Out of sight, a queue answers as one that does not exist.
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-nx/queue", beijing), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-nx/queue", ApiHost.Enterprise(ApiSteps.EnterpriseId)), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-nx/queue", ApiHost.Regulator("110000", RegulatorLevel.Provincial)), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-nx/queue", ApiHost.Unit("unit-1")), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-none/queue", ApiHost.Admin), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-units/unit-1/assignments", ApiHost.Unit("unit-2")), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-units/unit-1/assignments", beijing), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-units/unit-1/assignments", ApiHost.Regulator("640000", RegulatorLevel.Provincial)), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-units/unit-none/assignments", ApiHost.Admin), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/review-units/unit-1/assignments", ApiHost.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/review-organizations/org-nx/queue", ApiHost.Admin)).StatusCode);

        foreach (var path in new[] { "/api/review-organizations/org-nx/queue?stage=Reviewing", "/api/review-organizations/org-nx/queue?stage=3", "/api/review-units/unit-1/assignments?stage=underreview" })
        {
            var problem = await ApiSteps.AssertProblemAsync(await host.GetAsync(path, ApiHost.Admin), HttpStatusCode.BadRequest);
            Assert.Contains("stage", problem, StringComparison.Ordinal);
        }
    }

    private static async Task<List<JsonElement>> QueueAsync(ApiHost host, string path, Functions.Access.Caller caller)
    {
        var response = await host.GetAsync(path, caller);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return [.. (await ApiHost.JsonAsync(response)).EnumerateArray()];
    }

    private static async Task<string> SubmitAsync(ApiHost host, string enterpriseId)
    {
        var submitted = await host.PostAsync("/api/applications", ApiHost.Enterprise(enterpriseId), new
        {
            enterpriseId, kind = "Initial", grade = "Level3", systemRunningSince = "2025-06-01", postAndProfessionalStandardizationDone = true, dualPreventionInPlace = true,
        });
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
    }

    /// <summary>A second chemicals firm in Xingqing district of Yinchuan, with its passed self-assessment of 2026.</summary>
    private static async Task RegisterSecondAsync(ApiHost host)
    {
        var registered = await host.PostAsync("/api/enterprises", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), new
        {
            code = SecondId, name = "Xingqing Plastics", regionCode = "640104", industry = "chemicals", licenceRequired = true, licenceValidUntil = "2028-12-31",
        });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var enterprise = ApiHost.Enterprise(SecondId);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync($"/api/enterprises/{SecondId}/self-assessments/2026/open", enterprise, new { grade = "Level3" })).StatusCode);
        var report = await ApiSteps.UploadAsync(host, DocumentKinds.SelfAssessmentReports, "self-assessment 2026 Xingqing", SecondId, "640104");
        await ApiSteps.StepAsync(host, $"/api/enterprises/{SecondId}/self-assessments/2026", enterprise,
            new { score = 80, selfAssessedGrade = "Level3", postedInternally = true, appliesForReview = true, reportDocumentId = report }, "Submitted");
    }
}
