using System.Net;
using NodaTime;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The enterprise's notification contacts through the API: what may be registered, and what is shown back.</summary>
public sealed class ContactTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
    private static readonly string Path = $"/api/enterprises/{ApiSteps.EnterpriseId}/contacts";

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("http://1.1.1.1/hooks/safety")]
    [InlineData("ftp://1.1.1.1/hooks")]
    [InlineData("https://127.0.0.1/hooks")]
    [InlineData("https://127.8.9.10:8443/hooks")]
    [InlineData("https://localhost/hooks")]
    [InlineData("https://169.254.169.254/latest/meta-data/")]
    [InlineData("https://10.0.0.5/hooks")]
    [InlineData("https://172.16.3.4/hooks")]
    [InlineData("https://192.168.1.1/hooks")]
    [InlineData("https://100.64.0.1/hooks")]
    [InlineData("https://0.0.0.0/hooks")]
    [InlineData("https://[::1]/hooks")]
    [InlineData("https://[fd00::1]/hooks")]
    [InlineData("https://[fe80::1]/hooks")]
    [InlineData("https://[::ffff:127.0.0.1]/hooks")]
    [InlineData("https://[::ffff:169.254.169.254]/hooks")]
    [InlineData("https://user:secret@1.1.1.1/hooks")]
    [InlineData("not a url")]
    public async Task A_webhook_that_is_not_https_to_a_public_address_is_refused_naming_the_url_and_nothing_is_kept(string url)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);

        var refused = await host.SendAsync(HttpMethod.Put, Path, Enterprise, new { order = 1, channel = "Webhook", url, secret = "s3cret" });

        var problem = await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("url", problem, StringComparison.Ordinal);
        var contacts = await ApiHost.JsonAsync(await host.GetAsync(Path, Enterprise));
        Assert.Equal(0, contacts.GetArrayLength());
    }

    [Fact]
    public async Task An_https_webhook_on_a_public_address_is_kept()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);

        var saved = await host.SendAsync(HttpMethod.Put, Path, Enterprise, new { order = 1, channel = "Webhook", url = "https://1.1.1.1/hooks/safety", secret = "s3cret" });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var contacts = await ApiHost.JsonAsync(await host.GetAsync(Path, Enterprise));
        Assert.Equal("https://1.1.1.1/hooks/safety", contacts[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Secrets_and_robot_keys_are_write_only_no_response_to_any_caller_contains_one()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        const string WebhookSecret = "webhook-signing-secret-4711";
        const string WeComKey = "wecom-robot-key-4712";
        const string DingTalkToken = "dingtalk-access-token-4713";
        const string DingTalkSecret = "SECdingtalk-secret-4714";
        string[] secrets = [WebhookSecret, WeComKey, DingTalkToken, DingTalkSecret];
        object[] contacts =
        [
            new { order = 1, channel = "Webhook", url = "https://1.1.1.1/hooks/safety", secret = WebhookSecret },
            new { order = 2, channel = "WeCom", key = WeComKey },
            new { order = 3, channel = "DingTalk", key = DingTalkToken, secret = DingTalkSecret },
            new { order = 4, channel = "Email", addresses = new[] { "safety@example.cn" } },
        ];
        foreach (var contact in contacts)
        {
            var saved = await host.SendAsync(HttpMethod.Put, Path, Enterprise, contact);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            var text = await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
        }

        foreach (var caller in new[] { Enterprise, ApiHost.Regulator(ApiSteps.Yinchuan, Domain.Grading.RegulatorLevel.Municipal), ApiHost.Organization("org-nx", ApiSteps.Yinchuan), ApiHost.Admin })
        {
            var listed = await host.GetAsync(Path, caller);
            Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
            var text = await listed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.All(secrets, s => Assert.DoesNotContain(s, text, StringComparison.Ordinal));
            var views = await ApiHost.JsonAsync(listed);
            Assert.Equal([(false, true), (true, false), (true, true), (false, false)],
                views.EnumerateArray().Select(v => (v.GetProperty("hasKey").GetBoolean(), v.GetProperty("hasSecret").GetBoolean())));
        }
    }
}
