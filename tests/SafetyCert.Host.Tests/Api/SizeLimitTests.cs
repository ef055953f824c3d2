using System.Net;
using NodaTime;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Every free-text field and list has a documented limit, checked before anything is written.</summary>
public sealed class SizeLimitTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);

    [Fact]
    public async Task A_rejection_reason_over_the_limit_is_a_400_naming_field_and_limit_and_leaves_the_application_as_it_was()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var organization = ApiHost.Organization("org-nx", ApiSteps.Yinchuan);
        var submitted = await host.PostAsync("/api/applications", Enterprise, ApiSteps.Submission());
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;
        var statusPath = $"/api/workflows/application/{applicationId}";
        var before = await (await host.GetAsync(statusPath, ApiHost.Admin)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        // 70,000 characters: more than Table storage keeps in one property.
        var refused = await host.PostAsync($"/api/applications/{applicationId}/material-review", organization, new { accepted = false, reasons = new string('缺', 70_000) });

        var problem = await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest);
        Assert.Contains("reasons", problem, StringComparison.Ordinal);
        Assert.Contains("4000", problem, StringComparison.Ordinal);
        var after = await (await host.GetAsync(statusPath, ApiHost.Admin)).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before, after);
        await ApiSteps.StepAsync(host, $"/api/applications/{applicationId}/material-review", organization, new { accepted = false, reasons = "材料不全 Materials incomplete." }, "Rejected");
    }

    [Theory]
    [InlineData("addresses", 5000, null, null)]
    [InlineData("addresses", 1, "safety@example.cn\r\nBcc: everyone@example.cn", null)]
    [InlineData("addresses", 1, "a@example.cn, b@example.cn", null)]
    [InlineData("key", 0, null, 1_000_000)]
    public async Task Oversize_or_forged_contact_values_are_a_400_naming_the_field_and_nothing_is_kept(string field, int addressCount, string? address, int? keyLength)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        var path = $"/api/enterprises/{ApiSteps.EnterpriseId}/contacts";
        object body = keyLength is { } length
            ? new { order = 1, channel = "WeCom", key = new string('k', length) }
            : new { order = 1, channel = "Email", addresses = Enumerable.Range(0, addressCount).Select(i => address ?? $"safety{i}@example.cn").ToArray() };

        var refused = await host.SendAsync(HttpMethod.Put, path, Enterprise, body);

        Assert.Contains(field, await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
        Assert.Equal(0, (await ApiHost.JsonAsync(await host.GetAsync(path, Enterprise))).GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await host.SendAsync(HttpMethod.Put, path, Enterprise, new { order = 1, channel = "Email", addresses = new[] { "safety@example.cn" } })).StatusCode);
    }
}
