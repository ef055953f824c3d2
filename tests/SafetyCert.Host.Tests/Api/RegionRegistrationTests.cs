using System.Net;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Enterprises registered where they are: the counties the demo data and the users work in.</summary>
public sealed class RegionRegistrationTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    // Yinchuan's districts (兴庆区, 西夏区, 金凤区): the demo enterprises sit in 640104.
    [Theory]
    [InlineData("640104", "91640104MA76XQ001A")]
    [InlineData("640105", "91640105MA76XQ002U")]
    [InlineData("640106", "91640106MA76XQ003D")]
    public async Task The_Yinchuan_regulator_registers_an_enterprise_in_one_of_its_districts(string county, string code)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);

        var registered = await host.PostAsync("/api/enterprises", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), new
        {
            code, name = "银川某化工有限公司", regionCode = county, industry = "chemicals", licenceRequired = false,
        });

        var text = await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(registered.StatusCode == HttpStatusCode.Created, $"{(int)registered.StatusCode} {text}");
    }

    [Fact]
    public async Task A_code_that_is_no_region_is_refused_naming_the_field()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);

        var refused = await host.PostAsync("/api/enterprises", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), new
        {
            code = "91640199MA76XQ009N", name = "无此区县", regionCode = "640199", industry = "chemicals", licenceRequired = false,
        });

        Assert.Contains("regionCode", await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.BadRequest), StringComparison.Ordinal);
    }

    // Every region code the demo data and the walkthroughs name is in the catalogue, under its own city.
    [Theory]
    [InlineData("640104", "640100")]
    [InlineData("640205", "640200")]
    [InlineData("510703", "510700")]
    [InlineData("350102", "350100")]
    [InlineData("350203", "350200")]
    [InlineData("130102", "130100")]
    [InlineData("110105", "110000")]
    [InlineData("310115", "310000")]
    public void Demo_and_walkthrough_counties_are_in_the_catalogue(string code, string parent)
    {
        var region = RegionCatalog.Embedded.Find(code);

        Assert.Equal(code, region.Code);
        Assert.Equal(parent, region.Parent);
    }
}
