using System.Net;
using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Regulators and administrators search the enterprises and certificates of their region, a page at a time.</summary>
public sealed class SearchTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Functions.Access.Caller Ningxia = ApiHost.Regulator("640000", RegulatorLevel.Provincial);

    [Fact]
    public async Task Enterprises_and_certificates_are_searched_by_region_grade_industry_text_and_status_a_page_at_a_time()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await RegisterAsync(host, "91640104MA76XQ001A", "Xingqing Plastics", "640104", "chemicals");
        await RegisterAsync(host, "91640200MA76XQ568X", "Shizuishan Metals", "640200", "metallurgy");
        await RegisterAsync(host, "91110101MA00000018", "Dongcheng Machinery", "110101", "machinery");
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));

        Assert.Equal([ApiSteps.EnterpriseId, "91640104MA76XQ001A", "91640200MA76XQ568X"], await IdsAsync(host, "/api/enterprises", Ningxia));
        Assert.Equal([ApiSteps.EnterpriseId, "91640104MA76XQ001A"], await IdsAsync(host, "/api/enterprises?regionCode=640100", Ningxia));
        Assert.Equal(["91640200MA76XQ568X"], await IdsAsync(host, "/api/enterprises?industry=metallurgy", Ningxia));
        Assert.Equal(["91640200MA76XQ568X"], await IdsAsync(host, "/api/enterprises?industry=industry-trade", Ningxia));
        Assert.Equal([ApiSteps.EnterpriseId], await IdsAsync(host, "/api/enterprises?q=helan", Ningxia));
        Assert.Equal(["91640104MA76XQ001A"], await IdsAsync(host, "/api/enterprises?q=XQ001A", Ningxia));
        Assert.Equal([ApiSteps.EnterpriseId], await IdsAsync(host, "/api/enterprises?grade=Level3", Ningxia));
        Assert.Empty(await IdsAsync(host, "/api/enterprises?grade=Level2", Ningxia));
        Assert.Equal(4, (await PageAsync(host, "/api/enterprises", ApiHost.Admin)).GetProperty("total").GetInt32());
        Assert.Equal(["91110101MA00000018"], await IdsAsync(host, "/api/enterprises", ApiHost.Regulator("110000", RegulatorLevel.Provincial)));

        var second = await PageAsync(host, "/api/enterprises?pageSize=2&page=2", Ningxia);
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(2, second.GetProperty("pageSize").GetInt32());
        Assert.Equal("91640200MA76XQ568X", Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var beyond = await PageAsync(host, "/api/enterprises?pageSize=2&page=5", Ningxia);
        Assert.Equal(0, beyond.GetProperty("items").GetArrayLength());
        Assert.Equal(3, beyond.GetProperty("total").GetInt32());
        Assert.Equal(20, (await PageAsync(host, "/api/enterprises", Ningxia)).GetProperty("pageSize").GetInt32());

        var certificates = await PageAsync(host, "/api/certificates", Ningxia);
        Assert.Equal(1, certificates.GetProperty("total").GetInt32());
        var certificate = Assert.Single(certificates.GetProperty("items").EnumerateArray());
        Assert.Equal(certificateId, certificate.GetProperty("id").GetString());
        Assert.Equal("Helan Chemicals", certificate.GetProperty("enterpriseName").GetString());
        Assert.Equal("Active", certificate.GetProperty("status").GetString());
        Assert.Equal("2029-03-09", certificate.GetProperty("lastValidDay").GetString());
        Assert.Equal("银川市应急管理部门", certificate.GetProperty("issuingBody").GetString());
        var number = certificate.GetProperty("number").GetString()!;
        foreach (var (filter, expected) in new[]
        {
            ("status=Active", 1), ("status=Expired", 0), ("expiringBefore=2029-03-09", 0), ("expiringBefore=2029-03-10", 1), ("q=helan", 1), ($"q={Uri.EscapeDataString(number)}", 1),
            ("q=nothing-like-it", 0), ("grade=Level3", 1), ("grade=Level2", 0), ("regionCode=640200", 0), ("industry=chemicals", 1), ("industry=machinery", 0),
        })
        {
            Assert.True(expected == (await PageAsync(host, $"/api/certificates?{filter}", Ningxia)).GetProperty("total").GetInt32(), filter);
        }

        Assert.Equal(0, (await PageAsync(host, "/api/certificates", ApiHost.Regulator("110000", RegulatorLevel.Provincial))).GetProperty("total").GetInt32());
        Assert.Equal(1, (await PageAsync(host, "/api/certificates?regionCode=640100", ApiHost.Admin)).GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/enterprises?pageSize=0", "pageSize")]
    [InlineData("/api/enterprises?pageSize=101", "pageSize")]
    [InlineData("/api/enterprises?page=0", "page")]
    [InlineData("/api/enterprises?page=two", "page")]
    [InlineData("/api/enterprises?grade=3", "grade")]
    [InlineData("/api/enterprises?regionCode=649999", "regionCode")]
    [InlineData("/api/enterprises?industry=steel", "industry")]
    [InlineData("/api/certificates?status=Valid", "status")]
    [InlineData("/api/certificates?expiringBefore=2026-13-01", "expiringBefore")]
    [InlineData("/api/certificates?pageSize=-5", "pageSize")]
    [InlineData("/api/certificates?grade=level3", "grade")]
    public async Task A_bad_search_value_is_a_400_naming_the_parameter(string path, string parameter)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var problem = JsonDocument.Parse(await ApiSteps.AssertProblemAsync(await host.GetAsync(path, Ningxia), HttpStatusCode.BadRequest)).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.GetRawText());
    }

    [Fact]
    public async Task Searches_are_for_regulators_in_their_region_and_administrators()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var both = JsonDocument.Parse(await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/enterprises?page=0&grade=x", Ningxia), HttpStatusCode.BadRequest)).RootElement;
        Assert.True(both.GetProperty("errors").TryGetProperty("page", out _) && both.GetProperty("errors").TryGetProperty("grade", out _), both.GetRawText());
        foreach (var list in new[] { "/api/enterprises", "/api/certificates" })
        {
            await ApiSteps.AssertProblemAsync(await host.GetAsync($"{list}?regionCode=640000", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal)), HttpStatusCode.Forbidden);
            await ApiSteps.AssertProblemAsync(await host.GetAsync($"{list}?regionCode=110000", Ningxia), HttpStatusCode.Forbidden);
            await ApiSteps.AssertProblemAsync(await host.GetAsync(list, ApiHost.Enterprise(ApiSteps.EnterpriseId)), HttpStatusCode.Forbidden);
            await ApiSteps.AssertProblemAsync(await host.GetAsync(list, ApiHost.Organization("org-nx", ApiSteps.Yinchuan)), HttpStatusCode.Forbidden);
            await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, list, caller: null), HttpStatusCode.Unauthorized);
            Assert.Equal(HttpStatusCode.OK, (await host.GetAsync($"{list}?regionCode=640104", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal))).StatusCode);
        }
    }

    private static async Task RegisterAsync(ApiHost host, string code, string name, string regionCode, string industry)
    {
        var registered = await host.PostAsync("/api/enterprises", ApiHost.Admin, new { code, name, regionCode, industry });
        Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static async Task<JsonElement> PageAsync(ApiHost host, string path, Functions.Access.Caller caller)
    {
        var response = await host.GetAsync(path, caller);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await ApiHost.JsonAsync(response);
    }

    private static async Task<List<string?>> IdsAsync(ApiHost host, string path, Functions.Access.Caller caller) =>
        [.. (await PageAsync(host, path, caller)).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString())];
}
