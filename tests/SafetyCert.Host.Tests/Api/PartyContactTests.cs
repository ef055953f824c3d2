using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Host.Tests.Notifications;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Review organizations, review units and regulators keep their notification contacts through the API, where the sender finds them.</summary>
public sealed class PartyContactTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
    private static readonly Functions.Access.Caller Yinchuan = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);

    [Fact]
    public async Task Contacts_saved_through_the_api_are_the_ones_the_sender_looks_up_for_each_party()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Monday, notices);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        await SaveAsync(host, "/api/review-organizations/org-nx/contacts", Organization, new { order = 1, channel = "Email", addresses = new[] { "centre@yinchuan.example.cn" } });
        await SaveAsync(host, "/api/review-organizations/org-nx/units/unit-1/contacts", ApiHost.Unit("unit-1"), new { order = 1, channel = "Email", addresses = new[] { "unit1@example.cn" } });
        await SaveAsync(host, "/api/regulators/640100/Municipal/contacts", Yinchuan, new { order = 1, channel = "Email", addresses = new[] { "office@yinchuan.example.cn" } });

        var submitted = await host.PostAsync("/api/applications", ApiHost.Enterprise(ApiSteps.EnterpriseId), ApiSteps.Submission());
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", Organization, new { accepted = true }, "AwaitingAssignment");
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/api/applications/{applicationId}/draw", Organization, new { })).StatusCode);

        var book = host.App.Services.GetRequiredService<ContactBook>();
        async Task<IReadOnlyList<string>> AddressesAsync(Notify notice) =>
            [.. (await book.GetAsync(RecipientScope.Of(notice), TestContext.Current.CancellationToken)).Channels.SelectMany(c => c.Addresses)];

        await Local.Eventually.HoldsAsync(() => notices.Requests.Any(r => r.Notice.Kind == NoticeKinds.ReviewUnitAssigned), "the assignment notice");
        var received = notices.Requests.First(r => r.Notice.Kind == NoticeKinds.ApplicationReceived && r.Notice.Recipient == Party.ReviewOrganization).Notice;
        Assert.Equal(["centre@yinchuan.example.cn"], await AddressesAsync(received));
        var assigned = notices.Requests.First(r => r.Notice.Kind == NoticeKinds.ReviewUnitAssigned).Notice;
        Assert.Equal(["unit1@example.cn"], await AddressesAsync(assigned));
        // RULES.md §1 [000 §1(4)]: a level-3 notice in Xingqing district goes to the municipal regulator of Yinchuan.
        var overdue = NotificationHarness.Notice(NoticeKinds.MaterialReviewOverdue, NoticeClass.Mandatory, new LocalDate(2026, 3, 17), Party.Regulator, ("regionCode", "640104"), ("grade", "Level3"), ("regulatorLevel", "Municipal"));
        Assert.Equal(["office@yinchuan.example.cn"], await AddressesAsync(overdue));
    }

    [Fact]
    public async Task Secrets_are_write_only_and_bad_contacts_are_refused_as_for_enterprises()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        foreach (var (path, caller) in new[]
        {
            ("/api/review-organizations/org-nx/contacts", Organization),
            ("/api/review-organizations/org-nx/units/unit-2/contacts", Organization),
            ("/api/regulators/640000/Provincial/contacts", ApiHost.Regulator("640000", RegulatorLevel.Provincial)),
        })
        {
            await SaveAsync(host, path, caller, new { order = 2, channel = "DingTalk", key = "robot-token-123", secret = "SECsigning" });
            var text = await (await host.GetAsync(path, caller)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.Contains("\"hasKey\":true", text, StringComparison.Ordinal);
            Assert.Contains("\"hasSecret\":true", text, StringComparison.Ordinal);
            Assert.DoesNotContain("robot-token-123", text, StringComparison.Ordinal);
            Assert.DoesNotContain("SECsigning", text, StringComparison.Ordinal);

            Assert.Contains("addresses", await ApiSteps.AssertProblemAsync(
                await host.SendAsync(HttpMethod.Put, path, caller, new { order = 1, channel = "Email", addresses = new[] { "a@b.cn, c@d.cn" } }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
            Assert.Contains("url", await ApiSteps.AssertProblemAsync(
                await host.SendAsync(HttpMethod.Put, path, caller, new { order = 1, channel = "Webhook", url = "https://10.0.0.5/hooks", secret = "s" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);
            Assert.Contains("channel", await ApiSteps.AssertProblemAsync(
                await host.SendAsync(HttpMethod.Put, path, caller, new { order = 1, channel = "Fax" }), HttpStatusCode.BadRequest), StringComparison.Ordinal);

            var contactId = (await ApiHost.JsonAsync(await host.GetAsync(path, caller)))[0].GetProperty("id").GetString();
            Assert.Equal(HttpStatusCode.NoContent, (await host.SendAsync(HttpMethod.Delete, $"{path}/{contactId}", caller)).StatusCode);
            Assert.Equal(0, (await ApiHost.JsonAsync(await host.GetAsync(path, caller))).GetArrayLength());
        }
    }

    [Fact]
    public async Task Each_party_keeps_its_own_contacts()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/review-organizations", ApiHost.Admin, new { id = "org-bj", name = "Beijing review centre", regionCode = "110000", level = "Provincial" })).StatusCode);
        var email = new { order = 1, channel = "Email", addresses = new[] { "x@example.cn" } };
        var enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
        var ningxia = ApiHost.Regulator("640000", RegulatorLevel.Provincial);

        const string Org = "/api/review-organizations/org-nx/contacts";
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(Org, ningxia)).StatusCode);
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Put, Org, ningxia, email), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Put, Org, ApiHost.Organization("org-bj", "110000"), email), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(Org, enterprise), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-none/contacts", ApiHost.Admin), HttpStatusCode.NotFound);

        const string Unit = "/api/review-organizations/org-nx/units/unit-1/contacts";
        await SaveAsync(host, Unit, Organization, email);
        await SaveAsync(host, Unit, ApiHost.Admin, email);
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Put, Unit, ApiHost.Unit("unit-2"), email), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(Unit, ApiHost.Unit("unit-2")), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(Unit, enterprise), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-nx/units/unit-9/contacts", ApiHost.Admin), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations/org-bj/units/unit-1/contacts", ApiHost.Admin), HttpStatusCode.NotFound);

        const string Regulator = "/api/regulators/640100/Municipal/contacts";
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync(Regulator, ningxia)).StatusCode);
        await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Put, Regulator, ningxia, email), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(Regulator, ApiHost.Regulator("110000", RegulatorLevel.Provincial)), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync(Regulator, Organization), HttpStatusCode.NotFound);
        await SaveAsync(host, Regulator, ApiHost.Admin, email);
        // Xingqing district has no municipal regulator of its own; Beijing's municipal tier is the city itself.
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/regulators/640104/Municipal/contacts", ApiHost.Admin), HttpStatusCode.NotFound);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/regulators/649999/Provincial/contacts", ApiHost.Admin), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await host.GetAsync("/api/regulators/110000/Municipal/contacts", ApiHost.Admin)).StatusCode);
        Assert.Contains("level", await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/regulators/640100/Level3/contacts", ApiHost.Admin), HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    private static async Task SaveAsync(ApiHost host, string path, Functions.Access.Caller caller, object contact)
    {
        var saved = await host.SendAsync(HttpMethod.Put, path, caller, contact);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, $"{path}: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }
}
