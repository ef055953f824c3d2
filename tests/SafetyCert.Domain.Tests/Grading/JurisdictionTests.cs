using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Tests.Grading;

public class JurisdictionTests
{
    // RULES.md §1, seed 000 §1(4), seed 001 art.5: level 1 national, 2 provincial, 3 municipal.
    [Theory]
    [InlineData("national-non-coal-mine-2017", Grade.Level1, RegulatorLevel.National)]
    [InlineData("national-non-coal-mine-2017", Grade.Level2, RegulatorLevel.Provincial)]
    [InlineData("national-non-coal-mine-2017", Grade.Level3, RegulatorLevel.Municipal)]
    [InlineData("ningxia-2017", Grade.Level1, RegulatorLevel.National)]
    [InlineData("ningxia-2017", Grade.Level2, RegulatorLevel.Provincial)]
    [InlineData("ningxia-2017", Grade.Level3, RegulatorLevel.Municipal)]
    [InlineData("ningxia-2017", Grade.SmallMicro, RegulatorLevel.Municipal)]
    public void RegulatorFor_follows_the_profile(string profileId, Grade grade, RegulatorLevel expected)
    {
        var answer = Jurisdiction.RegulatorFor(ProfileCatalog.Embedded.Get(profileId), grade, Industries.NonCoalMine);

        Assert.Equal(expected, answer.Value);
    }

    // RULES.md §1, seed 000 §1(4): offshore oil and gas is national at every grade.
    [Theory]
    [InlineData(Grade.Level1)]
    [InlineData(Grade.Level2)]
    [InlineData(Grade.Level3)]
    [InlineData(Grade.SmallMicro)]
    public void RegulatorFor_offshore_oil_and_gas_is_national_at_every_grade(Grade grade)
    {
        var answer = Jurisdiction.RegulatorFor(ProfileCatalog.Embedded.Get("fujian-2017"), grade, Industries.OffshoreOilGas);

        Assert.Equal(RegulatorLevel.National, answer.Value);
        Assert.Equal("000 §1(4)", answer.Source);
    }

    [Fact]
    public void RegulatorFor_cites_the_profile_source()
    {
        var answer = Jurisdiction.RegulatorFor(ProfileCatalog.Embedded.Get("ningxia-2017"), Grade.Level2, Industries.Metallurgy);

        Assert.StartsWith("001 art.5", answer.Source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(RegulatorLevel.National, "640104", "000000")]
    [InlineData(RegulatorLevel.Provincial, "640104", "640000")]
    [InlineData(RegulatorLevel.Municipal, "640104", "640100")]
    [InlineData(RegulatorLevel.Municipal, "510703", "510700")]
    [InlineData(RegulatorLevel.Municipal, "110108", "110000")] // Beijing: the city is its own municipal tier
    [InlineData(RegulatorLevel.Municipal, "500101", "500000")]
    public void RegulatorRegion_names_the_regulator_over_the_enterprise(RegulatorLevel level, string region, string expected)
    {
        Assert.Equal(expected, Jurisdiction.RegulatorRegion(level, region));
    }

    [Fact]
    public void RegulatorRegion_rejects_a_malformed_code()
    {
        var error = Assert.Throws<ArgumentException>(() => Jurisdiction.RegulatorRegion(RegulatorLevel.Provincial, "64-104"));

        Assert.Contains("'64-104'", error.Message, StringComparison.Ordinal);
    }
}
