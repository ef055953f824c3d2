using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Tests.Profiles;

public class ProfileResolutionTests
{
    private static readonly LocalDate In2026 = new(2026, 6, 1);

    [Theory]
    [InlineData("510703", Industries.NonCoalMine, "mianyang-2020")] // a Mianyang district: the city profile beats the national one
    [InlineData("510703", Industries.Machinery, "mianyang-2020")] // machinery is one of the 工贸 trades seed 002 covers
    [InlineData("510100", Industries.NonCoalMine, "national-non-coal-mine-2017")] // Chengdu has no local profile
    [InlineData("640104", Industries.NonCoalMine, "ningxia-2017")] // a Yinchuan district: the province beats the nation
    [InlineData("640104", Industries.HazardousChemicals, "ningxia-2017")]
    [InlineData("110108", Industries.Construction, "beijing-2015")]
    [InlineData("350203", Industries.Fireworks, "fujian-2017")]
    [InlineData("310115", Industries.NonCoalMine, "national-non-coal-mine-2017")]
    public void Resolve_picks_the_most_specific_region_for_the_industry(string region, string industry, string expected)
    {
        Assert.Equal(expected, ProfileCatalog.Embedded.Resolve(region, industry, In2026).Id);
    }

    [Fact]
    public void Resolve_for_a_Shanghai_industry_trade_firm_finds_no_profile_and_says_what_was_asked()
    {
        var error = Assert.Throws<ProfileNotFoundException>(
            () => ProfileCatalog.Embedded.Resolve("310115", Industries.IndustryTrade, In2026));

        Assert.Contains("310115", error.Message, StringComparison.Ordinal);
        Assert.Contains("industry-trade", error.Message, StringComparison.Ordinal);
        Assert.Contains("2026-06-01", error.Message, StringComparison.Ordinal);
    }

    // A Mianyang hazardous-chemicals firm is outside seed 002's scope (non-coal mines and 工贸), and the
    // national profile covers only non-coal mines.
    [Fact]
    public void Resolve_respects_the_industries_a_city_profile_covers()
    {
        Assert.Throws<ProfileNotFoundException>(
            () => ProfileCatalog.Embedded.Resolve("510703", Industries.HazardousChemicals, In2026));
    }

    [Theory]
    [InlineData("2017-09-30", "national-non-coal-mine-2017")] // the day before seed 001 takes effect
    [InlineData("2017-10-01", "ningxia-2017")] // seed 001 art.25
    public void Resolve_respects_the_effective_date(string on, string expected)
    {
        var date = LocalDate.FromDateTime(DateTime.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, ProfileCatalog.Embedded.Resolve("640104", Industries.NonCoalMine, date).Id);
    }

    [Fact]
    public void Resolve_before_any_profile_is_in_force_finds_none()
    {
        Assert.Throws<ProfileNotFoundException>(
            () => ProfileCatalog.Embedded.Resolve("110108", Industries.Machinery, new LocalDate(2015, 4, 13)));
    }

    [Fact]
    public void Resolve_picks_the_newest_version_in_force_and_honours_effective_until()
    {
        var ningxia = ProfileCatalog.Embedded.Get("ningxia-2017");
        var catalog = new ProfileCatalog(
        [
            ningxia with { EffectiveUntil = new LocalDate(2024, 12, 31) },
            ningxia with { EffectiveFrom = new LocalDate(2025, 1, 1), RevocationBanYears = new Sourced<int>(2, "convention: test") },
        ]);

        Assert.Equal(1, catalog.Resolve("640104", Industries.Metallurgy, new LocalDate(2024, 12, 31)).RevocationBanYears.Value);
        Assert.Equal(2, catalog.Resolve("640104", Industries.Metallurgy, new LocalDate(2025, 1, 1)).RevocationBanYears.Value);
    }

    [Fact]
    public void Resolve_compares_whole_code_pairs_so_a_city_profile_does_not_cover_a_neighbour()
    {
        var ningxia = ProfileCatalog.Embedded.Get("ningxia-2017");
        var catalog = new ProfileCatalog([ningxia with { Id = "yinchuan", Regions = ImmutableArray.Create("640100") }, ningxia]);

        Assert.Equal("yinchuan", catalog.Resolve("640104", Industries.Metallurgy, In2026).Id);
        Assert.Equal("ningxia-2017", catalog.Resolve("640205", Industries.Metallurgy, In2026).Id);
    }

    [Theory]
    [InlineData("64010")]
    [InlineData("64010x")]
    public void Resolve_rejects_a_code_that_is_not_six_digits(string region)
    {
        var error = Assert.Throws<ProfileNotFoundException>(() => ProfileCatalog.Embedded.Resolve(region, Industries.NonCoalMine, In2026));

        Assert.Contains(region, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_rejects_an_industry_outside_the_vocabulary()
    {
        var error = Assert.Throws<ArgumentException>(() => ProfileCatalog.Embedded.Resolve("640104", "mining", In2026));

        Assert.Contains("'mining' is not a known industry", error.Message, StringComparison.Ordinal);
    }
}
