using System.Net;
using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The lists of review organizations (with their units) and of accidents: paged, filtered, and scoped to the caller's region.</summary>
public sealed class ListEndpointTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private const string Fuzhou = "350100";

    [Fact]
    public async Task Review_organizations_are_listed_with_their_units_for_the_callers_region_only()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/review-organizations", ApiHost.Admin, new { id = "org-fj", name = "Fuzhou review centre", regionCode = Fuzhou, level = "Municipal" })).StatusCode);
        var yinchuan = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);

        var own = await PageAsync(host, "/api/review-organizations", yinchuan);
        var all = await PageAsync(host, "/api/review-organizations", ApiHost.Admin);
        var fujian = await PageAsync(host, $"/api/review-organizations?regionCode={Fuzhou}", ApiHost.Admin);
        var firstOfTwo = await PageAsync(host, "/api/review-organizations?pageSize=1", ApiHost.Admin);

        var nx = Assert.Single(own.GetProperty("items").EnumerateArray());
        Assert.Equal("org-nx", nx.GetProperty("id").GetString());
        Assert.Equal(["unit-1", "unit-2"], nx.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(["org-fj", "org-nx"], Ids(all));
        Assert.Equal(["org-fj"], Ids(fujian));
        Assert.Equal(2, firstOfTwo.GetProperty("total").GetInt32());
        Assert.Single(firstOfTwo.GetProperty("items").EnumerateArray());

        // Filters by what the units are approved for: org-nx's units review chemicals at level 3 and small-micro.
        Assert.Equal(["org-nx"], Ids(await PageAsync(host, "/api/review-organizations?industry=chemicals&grade=Level3", ApiHost.Admin)));
        Assert.Empty(Ids(await PageAsync(host, "/api/review-organizations?grade=Level1", ApiHost.Admin)));

        // Another region than the regulator's, an enterprise, a bad filter: refused, each with its status.
        await ApiSteps.AssertProblemAsync(await host.GetAsync($"/api/review-organizations?regionCode={Fuzhou}", yinchuan), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations", ApiHost.Enterprise(ApiSteps.EnterpriseId)), HttpStatusCode.Forbidden);
        Assert.Contains("grade", await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/review-organizations?grade=7", ApiHost.Admin), HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accidents_are_listed_newest_first_with_their_enterprise_for_the_callers_region_only()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 3, 16)));
        var yinchuan = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);
        foreach (var on in new[] { "2026-03-12", "2026-03-13" })
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync($"/api/certificates/{certificateId}/accidents", yinchuan, new { on, deaths = 0 })).StatusCode);
        }

        var listed = (await PageAsync(host, "/api/accidents", yinchuan)).GetProperty("items").EnumerateArray().ToList();
        var elsewhere = await PageAsync(host, $"/api/accidents?regionCode={Fuzhou}", ApiHost.Admin);
        var byName = await PageAsync(host, "/api/accidents?q=helan", ApiHost.Admin);
        var byOtherName = await PageAsync(host, "/api/accidents?q=nobody", ApiHost.Admin);

        Assert.Equal(["2026-03-13", "2026-03-12"], listed.Select(a => a.GetProperty("on").GetString()));
        Assert.All(listed, a =>
        {
            Assert.Equal(ApiSteps.EnterpriseId, a.GetProperty("enterpriseId").GetString());
            Assert.Equal("Helan Chemicals", a.GetProperty("enterpriseName").GetString());
            Assert.Equal(certificateId, a.GetProperty("certificateId").GetString());
        });
        Assert.Equal(0, elsewhere.GetProperty("total").GetInt32());
        Assert.Equal(2, byName.GetProperty("total").GetInt32());
        Assert.Equal(0, byOtherName.GetProperty("total").GetInt32());
        await ApiSteps.AssertProblemAsync(await host.GetAsync($"/api/accidents?regionCode={Fuzhou}", yinchuan), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/accidents", ApiHost.Enterprise(ApiSteps.EnterpriseId)), HttpStatusCode.Forbidden);
    }

    // RULES.md §7.3, seed 000 §3(4) and 001 art.21(3): the thresholds come from the profiles the revocation rule applies.
    [Fact]
    public async Task Accident_thresholds_are_served_per_profile_and_grade_from_the_profiles_with_their_citation()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);

        var thresholds = (await PageAsync(host, "/api/accidents/thresholds", ApiHost.Enterprise(ApiSteps.EnterpriseId))).EnumerateArray().ToDictionary(t => t.GetProperty("profileId").GetString()!);

        Assert.Equal(SafetyCert.Domain.Profiles.ProfileCatalog.Embedded.Profiles.Select(p => p.Id).Order(StringComparer.Ordinal), thresholds.Keys.Order(StringComparer.Ordinal));
        var national = thresholds["national-non-coal-mine-2017"];
        Assert.Equal([("Level1", 1), ("Level2", 2), ("Level3", 3)], national.GetProperty("deaths").EnumerateObject().Where(g => g.Name != "SmallMicro").Select(g => (g.Name, g.Value.GetInt32())));
        Assert.All(thresholds["ningxia-2017"].GetProperty("deaths").EnumerateObject(), g => Assert.Equal(1, g.Value.GetInt32()));
        var citation = thresholds["ningxia-2017"].GetProperty("citationChinese").GetString();
        Assert.Contains("《宁夏回族自治区企业安全生产标准化评审工作管理办法（试行）》第二十一条", citation, StringComparison.Ordinal);
        Assert.DoesNotContain("001", citation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync(HttpMethod.Get, "/api/accidents/thresholds", caller: null)).StatusCode);
    }

    private static IEnumerable<string?> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()).Order(StringComparer.Ordinal);

    private static async Task<JsonElement> PageAsync(ApiHost host, string path, SafetyCert.Functions.Access.Caller caller)
    {
        var response = await host.GetAsync(path, caller);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return await ApiHost.JsonAsync(response);
    }
}
