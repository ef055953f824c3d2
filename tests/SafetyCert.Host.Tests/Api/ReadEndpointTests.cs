using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>What a party can list: who it is, whether it may apply, its applications, certificates and deadlines.</summary>
public sealed class ReadEndpointTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
    private static readonly Functions.Access.Caller Stranger = ApiHost.Enterprise("91640100MA76XQ999M");

    [Fact]
    public async Task Me_names_the_party_each_token_acts_for()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);

        async Task<JsonElement> MeAsync(Functions.Access.Caller caller)
        {
            var response = await host.GetAsync("/api/me", caller);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            return await ApiHost.JsonAsync(response);
        }

        var enterprise = await MeAsync(Enterprise);
        Assert.Equal("Enterprise", enterprise.GetProperty("role").GetString());
        Assert.Equal(ApiSteps.EnterpriseId, enterprise.GetProperty("enterpriseId").GetString());
        Assert.Equal("Helan Chemicals", enterprise.GetProperty("displayName").GetString());
        Assert.Equal("Yinchuan review centre", (await MeAsync(ApiHost.Organization("org-nx", ApiSteps.Yinchuan))).GetProperty("displayName").GetString());
        Assert.Equal("Unit unit-2", (await MeAsync(ApiHost.Unit("unit-2"))).GetProperty("displayName").GetString());
        var regulator = await MeAsync(ApiHost.Regulator("640000", RegulatorLevel.Provincial));
        Assert.Equal("宁夏回族自治区应急管理部门", regulator.GetProperty("displayName").GetString());
        Assert.Equal("Provincial", regulator.GetProperty("level").GetString());
        Assert.Equal("640000", regulator.GetProperty("regionCode").GetString());
        Assert.Equal("系统管理员", (await MeAsync(ApiHost.Admin)).GetProperty("displayName").GetString());
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, "/api/me", caller: null), HttpStatusCode.Unauthorized);
    }

    // RULES.md §3 [000 §2(3)], [001 art.10]: the check answers every failed condition and starts nothing.
    [Fact]
    public async Task Eligibility_lists_every_failed_condition_and_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        var declared = new
        {
            enterpriseId = ApiSteps.EnterpriseId, kind = "Initial", grade = "Level3", systemRunningSince = "2026-01-01",
            postAndProfessionalStandardizationDone = true, dualPreventionInPlace = false,
        };

        var response = await host.PostAsync("/api/applications/eligibility", Enterprise, declared);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var answer = await ApiHost.JsonAsync(response);
        Assert.False(answer.GetProperty("eligible").GetBoolean());
        var failures = answer.GetProperty("failures").EnumerateArray().ToList();
        var codes = failures.Select(f => f.GetProperty("code").GetString()).ToHashSet();
        Assert.Contains(ConditionCodes.SystemRunning, codes);
        Assert.Contains(ConditionCodes.DualPrevention, codes);
        Assert.Contains(ConditionCodes.SelfAssessmentPassed, codes);
        Assert.All(failures, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("reason").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("source").GetString()));
        });

        // The submission with the same body answers 422 naming the same conditions: one rule, one check.
        var refused = await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/applications", Enterprise, declared), (HttpStatusCode)422);
        Assert.All(codes, code => Assert.Contains(code!, refused, StringComparison.Ordinal));
        var applications = await ApiHost.JsonAsync(await host.GetAsync($"/api/enterprises/{ApiSteps.EnterpriseId}/applications", Enterprise));
        Assert.Equal(0, applications.GetArrayLength());

        await ApiSteps.SelfAssessAsync(host);
        var eligible = await ApiHost.JsonAsync(await host.PostAsync("/api/applications/eligibility", Enterprise, ApiSteps.Submission()));
        Assert.True(eligible.GetProperty("eligible").GetBoolean(), eligible.GetRawText());
        Assert.Equal(0, eligible.GetProperty("failures").GetArrayLength());
        Assert.Equal(0, (await ApiHost.JsonAsync(await host.GetAsync($"/api/enterprises/{ApiSteps.EnterpriseId}/applications", Enterprise))).GetArrayLength());

        await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/applications/eligibility", Stranger, ApiSteps.Submission()), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.PostAsync("/api/applications/eligibility", ApiHost.Admin, new
        {
            enterpriseId = "91640100MA76XQ000D", kind = "Initial", grade = "Level3", systemRunningSince = "2025-06-01",
            postAndProfessionalStandardizationDone = true, dualPreventionInPlace = true,
        }), HttpStatusCode.NotFound);
        var bad = await ApiSteps.AssertProblemAsync(
            await host.SendAsync(HttpMethod.Post, "/api/applications/eligibility", Enterprise, rawJson: """{"enterpriseId":"91640100MA76XQ124H","kind":"Initial","grade":"Level9"}"""),
            HttpStatusCode.BadRequest);
        Assert.Contains("grade", bad, StringComparison.Ordinal);
    }

    // RULES.md §4.1 [000 §3(2)1]: the list shows the material-review deadline citing its regulation by title and article.
    [Fact]
    public async Task An_enterprise_s_application_list_cites_each_deadline_s_regulation_not_the_rulebook()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var submitted = await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

        var application = Assert.Single((await ApiHost.JsonAsync(await host.GetAsync($"/api/enterprises/{ApiSteps.EnterpriseId}/applications", Enterprise))).EnumerateArray());

        var review = Assert.Single(application.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("kind").GetString() == "material-review");
        Assert.Matches("^《[^》]+》.*第.+(条|部分)", review.GetProperty("rule").GetString());
        Assert.Matches("》.*(article|part) [0-9]", review.GetProperty("ruleEn").GetString());
        Assert.DoesNotContain("RULES.md", application.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("§", application.GetRawText(), StringComparison.Ordinal);

        // The workflow's own status page shows the same citation.
        var instanceId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString();
        var status = await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/application/{instanceId}", Enterprise));
        var running = Assert.Single(status.GetProperty("deadlines").EnumerateArray(), d => d.GetProperty("name").GetString() == "material-review");
        Assert.Equal(review.GetProperty("rule").GetString(), running.GetProperty("rule").GetString());
    }

    // RULES.md §5 [000 §3(4)]: valid 3 years from issue through the day before the third anniversary, void the day after.
    [Fact]
    public async Task An_enterprise_lists_its_application_certificate_and_deadlines_and_loses_the_grade_when_the_certificate_expires()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var (applicationId, certificateId) = await ApiSteps.CertifyApplicationAsync(host, new LocalDate(2026, 3, 10));
        var basePath = $"/api/enterprises/{ApiSteps.EnterpriseId}";

        var application = Assert.Single((await ApiHost.JsonAsync(await host.GetAsync($"{basePath}/applications", Enterprise))).EnumerateArray());
        Assert.Equal(applicationId, application.GetProperty("id").GetString());
        Assert.Equal("Initial", application.GetProperty("kind").GetString());
        Assert.Equal("Level3", application.GetProperty("grade").GetString());
        Assert.Equal("Issued", application.GetProperty("stage").GetString());
        Assert.Equal("2026-03-02", application.GetProperty("submittedOn").GetString());
        Assert.Equal("org-nx", application.GetProperty("reviewOrganizationId").GetString());
        Assert.Equal(certificateId, application.GetProperty("certificateId").GetString());
        Assert.Equal(JsonValueKind.Array, application.GetProperty("deadlines").ValueKind);

        var certificate = Assert.Single((await ApiHost.JsonAsync(await host.GetAsync($"{basePath}/certificates", Enterprise))).EnumerateArray());
        Assert.Equal(certificateId, certificate.GetProperty("id").GetString());
        Assert.StartsWith("宁AQBⅢ2026", certificate.GetProperty("number").GetString(), StringComparison.Ordinal);
        Assert.Equal("Level3", certificate.GetProperty("grade").GetString());
        Assert.Equal("银川市应急管理部门", certificate.GetProperty("issuingBody").GetString());
        Assert.Equal("2026-03-10", certificate.GetProperty("issuedOn").GetString());
        Assert.Equal("2029-03-09", certificate.GetProperty("lastValidDay").GetString());
        Assert.Equal("Active", certificate.GetProperty("status").GetString());
        Assert.Equal(Period.DaysBetween(new LocalDate(2026, 3, 10), new LocalDate(2029, 3, 9)), certificate.GetProperty("daysLeft").GetInt32());

        // The certificate resource shows the same fields.
        var resource = await ApiHost.JsonAsync(await host.GetAsync($"/api/certificates/{certificateId}", Enterprise));
        foreach (var field in new[] { "id", "number", "grade", "issuingBody", "issuedOn", "lastValidDay", "status" })
        {
            Assert.Equal(certificate.GetProperty(field).GetString(), resource.GetProperty(field).GetString());
        }

        // Its running deadlines cite their regulation by title and article, never the product's own rulebook.
        Assert.NotEmpty(resource.GetProperty("deadlines").EnumerateArray());
        Assert.All(resource.GetProperty("deadlines").EnumerateArray(), d => Assert.Matches("^《[^》]+》.*第.+(条|部分)", d.GetProperty("rule").GetString()));

        Assert.Equal("Level3", (await ApiHost.JsonAsync(await host.GetAsync(basePath, Enterprise))).GetProperty("grade").GetString());

        // The deadlines of the .ics feed, earliest first, titled in Chinese; a follow-up visit past its day is overdue.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2027, 3, 12)));
        var deadlines = (await ApiHost.JsonAsync(await host.GetAsync($"{basePath}/deadlines", Enterprise))).EnumerateArray().ToList();
        var dueDates = deadlines.Select(d => d.GetProperty("dueOn").GetString()).ToList();
        Assert.Equal(dueDates.Order(StringComparer.Ordinal), dueDates);
        var renewal = Assert.Single(deadlines, d => d.GetProperty("kind").GetString() == "renewal-application");
        Assert.Equal("2029-03-09", renewal.GetProperty("dueOn").GetString());
        Assert.Equal("证书有效期届满（复评申请截止）", renewal.GetProperty("title").GetString());
        Assert.Equal("certificate", renewal.GetProperty("workflowKind").GetString());
        Assert.Equal(certificateId, renewal.GetProperty("workflowId").GetString());
        Assert.False(renewal.GetProperty("overdue").GetBoolean());
        // The regulation by its title and article, never the product's own rulebook.
        Assert.StartsWith("《", renewal.GetProperty("rule").GetString(), StringComparison.Ordinal);
        Assert.Matches("》.*第.+(条|部分)", renewal.GetProperty("rule").GetString());
        Assert.Matches("》.*(article|part) [0-9]", renewal.GetProperty("ruleEn").GetString());
        Assert.All(deadlines, d => Assert.DoesNotContain("RULES.md", d.GetProperty("rule").GetString(), StringComparison.Ordinal));
        Assert.All(deadlines, d => Assert.DoesNotContain("§", d.GetProperty("rule").GetString(), StringComparison.Ordinal));
        var visit = Assert.Single(deadlines, d => d.GetProperty("kind").GetString() == "follow-up-visit");
        Assert.True(visit.GetProperty("overdue").GetBoolean());
        var ics = await (await host.GetAsync($"{basePath}/deadlines.ics", Enterprise)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(deadlines.Count, ics.Split("BEGIN:VEVENT").Length - 1);
        AssertFeedMatches(ics, deadlines, certificateId, certificate.GetProperty("number").GetString()!);
        var again = await (await host.GetAsync($"{basePath}/deadlines.ics", Enterprise)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(
            Ical.Net.Calendar.Load(ics)!.Events.Select(e => e.Uid).Order(StringComparer.Ordinal),
            Ical.Net.Calendar.Load(again)!.Events.Select(e => e.Uid).Order(StringComparer.Ordinal));

        // The day after the last valid day the certificate is void, and the enterprise holds no grade.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2029, 3, 10)));
        await host.App.Services.GetRequiredService<DueIndexSweeper>().CatchUpAsync(
            host.App.Services.GetRequiredService<DurableTaskClient>(), host.Clock.GetCurrentInstant(), TestContext.Current.CancellationToken);
        Assert.Equal("Expired", await ApiSteps.WaitForStatusAsync(host, $"/api/certificates/{certificateId}", Enterprise, "Expired"));
        var expired = Assert.Single((await ApiHost.JsonAsync(await host.GetAsync($"{basePath}/certificates", Enterprise))).EnumerateArray());
        Assert.Equal("Expired", expired.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, expired.GetProperty("daysLeft").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await ApiHost.JsonAsync(await host.GetAsync(basePath, Enterprise))).GetProperty("grade").ValueKind);
    }

    [Theory]
    [InlineData("applications")]
    [InlineData("certificates")]
    [InlineData("deadlines")]
    public async Task Enterprise_lists_refuse_callers_out_of_scope_and_unknown_ids(string list)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        var path = $"/api/enterprises/{ApiSteps.EnterpriseId}/{list}";

        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(path, Enterprise)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(path, ApiHost.Organization("org-nx", ApiSteps.Yinchuan))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(path, ApiHost.Regulator("640000", RegulatorLevel.Provincial))).StatusCode);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(path, Stranger), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(path, ApiHost.Regulator("110000", RegulatorLevel.Provincial)), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(path, ApiHost.Unit("unit-1")), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync($"/api/enterprises/91640100MA76XQ000D/{list}", ApiHost.Admin), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, path, caller: null), HttpStatusCode.Unauthorized);
    }

    /// <summary>
    /// The feed read by a standard parser: one all-day event per deadline on the workflow's due date, no time zone needed,
    /// Chinese summaries that name what is due (and the certificate's number), the regulation by title, and an alarm
    /// before the day for each reminder the workflow has set.
    /// </summary>
    private static void AssertFeedMatches(string ics, List<JsonElement> deadlines, string certificateId, string number)
    {
        var calendar = Ical.Net.Calendar.Load(ics);
        Assert.NotNull(calendar);
        Assert.Empty(calendar.TimeZones);
        Assert.Equal(deadlines.Count, calendar.Events.Count);
        Assert.Equal(calendar.Events.Count, calendar.Events.Select(e => e.Uid).Distinct(StringComparer.Ordinal).Count());
        foreach (var deadline in deadlines)
        {
            var uid = $"{deadline.GetProperty("workflowKind").GetString()}.{deadline.GetProperty("workflowId").GetString()}.{deadline.GetProperty("kind").GetString()}@safetycert";
            var happening = Assert.Single(calendar.Events, e => e.Uid == uid);
            var due = LocalDate.FromDateTime(DateTime.Parse(deadline.GetProperty("dueOn").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.False(happening.DtStart!.HasTime);
            Assert.Equal(new DateOnly(due.Year, due.Month, due.Day), happening.DtStart.Date);
            Assert.Contains(deadline.GetProperty("title").GetString()!, happening.Summary, StringComparison.Ordinal);
            Assert.Contains($"{due.Year}年{due.Month}月{due.Day}日", happening.Summary, StringComparison.Ordinal);
            if (deadline.GetProperty("workflowId").GetString() == certificateId)
            {
                Assert.Contains(number, happening.Summary, StringComparison.Ordinal);
            }

            // No English, no internal ids: once the certificate number is taken out, no Latin letter is left.
            Assert.DoesNotMatch("[A-Za-z]", happening.Summary!.Replace(number, "", StringComparison.Ordinal));
            Assert.Contains("《", happening.Description, StringComparison.Ordinal);
            Assert.DoesNotContain("RULES.md", happening.Description, StringComparison.Ordinal);
            foreach (var alarm in happening.Alarms)
            {
                Assert.Equal("DISPLAY", alarm.Action);
                // Before the day, or on it: a duration from the event's start, never past its end.
                Assert.NotNull(alarm.Trigger?.Duration);
                var trigger = alarm.Trigger.Duration.ToString()!;
                Assert.Matches("^-?P([0-9]+D)?(T([0-9]+H)?([0-9]+M)?([0-9]+S)?)?$", trigger);
                Assert.True(trigger.StartsWith('-') || !trigger.Contains('D', StringComparison.Ordinal), $"an alarm after the due day: {trigger}");
            }
        }

        // The renewal is reminded of before its day, as the certificate workflow sends its reminders.
        var renewal = Assert.Single(calendar.Events, e => e.Uid!.EndsWith(".renewal-application@safetycert", StringComparison.Ordinal));
        Assert.NotEmpty(renewal.Alarms);
    }
}
