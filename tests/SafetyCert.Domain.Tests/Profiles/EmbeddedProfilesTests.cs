using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Tests.Profiles;

public class EmbeddedProfilesTests
{
    private static readonly ProfileCatalog Catalog = ProfileCatalog.Embedded;

    public static TheoryData<string> ProfileIds =>
        ["national-non-coal-mine-2017", "ningxia-2017", "beijing-2015", "fujian-2017", "mianyang-2020"];

    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Every_profile_loads_and_names_its_seed(string id)
    {
        var profile = Catalog.Get(id);

        Assert.Equal(id, profile.Id);
        Assert.Matches("^00[0-4]$", profile.Seed);
    }

    [Fact]
    public void The_catalog_holds_exactly_the_five_seed_profiles()
    {
        Assert.Equal(
            ["beijing-2015", "fujian-2017", "mianyang-2020", "national-non-coal-mine-2017", "ningxia-2017"],
            Catalog.Profiles.Select(p => p.Id));
    }

    // RULES.md §7.3, seed 001 art.21(3): in Ningxia any fatal accident revokes, at every grade.
    [Theory]
    [InlineData(Grade.Level1)]
    [InlineData(Grade.Level2)]
    [InlineData(Grade.Level3)]
    [InlineData(Grade.SmallMicro)]
    public void Ningxia_revokes_on_one_death_at_every_grade(Grade grade)
    {
        var deaths = Catalog.Get("ningxia-2017").FatalAccidentDeaths;

        Assert.Equal(1, deaths.Value[grade]);
        Assert.Equal("001 art.21(3)", deaths.Source);
    }

    // RULES.md §7.3, seed 000 §3(4): nationally level 1, 2, 3 need 1, 2, 3 deaths.
    [Theory]
    [InlineData(Grade.Level1, 1)]
    [InlineData(Grade.Level2, 2)]
    [InlineData(Grade.Level3, 3)]
    public void National_non_coal_mine_revocation_deaths_follow_000(Grade grade, int deaths)
    {
        Assert.Equal(deaths, Catalog.Get("national-non-coal-mine-2017").FatalAccidentDeaths.Value[grade]);
    }

    // RULES.md §4.6, §8, §9; seed 004 §2, §5, §8.
    [Fact]
    public void Beijing_reverifies_level_2_reaccredits_every_two_years_and_spot_checks_30_20_10()
    {
        var beijing = Catalog.Get("beijing-2015");

        Assert.True(beijing.Level2Reverification.Value);
        Assert.Equal("004 §2", beijing.Level2Reverification.Source);
        Assert.Equal(2, beijing.AccreditationYears.Value);
        Assert.Equal("004 §5", beijing.AccreditationYears.Source);
        Assert.Equal([30, 20, 10], new[] { Grade.Level2, Grade.Level3, Grade.SmallMicro }.Select(g => beijing.SpotCheckPercent.Value[g]));
        Assert.StartsWith("004 §8", beijing.SpotCheckPercent.Source, StringComparison.Ordinal);
        Assert.Equal(new LocalDate(2015, 4, 14), beijing.EffectiveFrom);
    }

    // RULES.md §4.6: only the Beijing profile re-verifies level 2.
    [Theory]
    [InlineData("national-non-coal-mine-2017")]
    [InlineData("ningxia-2017")]
    [InlineData("fujian-2017")]
    [InlineData("mianyang-2020")]
    public void Profiles_other_than_Beijing_do_not_reverify_level_2(string id)
    {
        Assert.False(Catalog.Get(id).Level2Reverification.Value);
    }

    // RULES.md §1: conventions are profile settings, and every setting says where it comes from.
    [Theory]
    [MemberData(nameof(ProfileIds))]
    public void Every_value_names_a_seed_article_or_a_convention(string id)
    {
        var profile = Catalog.Get(id);
        var sources = typeof(JurisdictionProfile).GetProperties()
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(Sourced<>))
            .Select(p => (Name: p.Name, Source: (string)p.PropertyType.GetProperty("Source")!.GetValue(p.GetValue(profile))!))
            .ToList();

        Assert.Equal(27, sources.Count);
        Assert.All(sources, s => Assert.Matches(@"^([0-9]{3} (§|art\.|annex)|convention: )", s.Source));
    }

    // Conventions and seed articles must not be confused: a source that cites the profile's own seed
    // without "convention" is a claim the document makes.
    [Fact]
    public void Ningxia_cites_its_own_articles_where_seed_001_sets_the_number()
    {
        var ningxia = Catalog.Get("ningxia-2017");

        Assert.Equal("001 art.10(4)", ningxia.FatalAccidentLookbackYears.Source);
        Assert.Equal("001 art.15", ningxia.PublicNoticeWorkingDays.Source);
        Assert.Equal("001 art.17(1)", ningxia.RenewalWindowMonths.Source);
        Assert.Equal("001 art.16", ningxia.CertificateValidityYears.Source);
        Assert.Equal(new LocalDate(2017, 10, 1), ningxia.EffectiveFrom);
    }
}
