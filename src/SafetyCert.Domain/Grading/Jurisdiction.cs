using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Grading;

/// <summary>
/// Which regulator accepts, announces and issues a grade (RULES.md §1): the tier comes from the
/// profile, except offshore oil and gas, which the national regulator handles at every grade [000 §1(4)].
/// </summary>
public static class Jurisdiction
{
    private const string Nationwide = "000000";

    // Beijing, Tianjin, Shanghai, Chongqing: a province-level city has no prefecture-level tier above its districts.
    private static readonly string[] ProvinceLevelCities = ["11", "12", "31", "50"];

    /// <summary>The regulator tier for a grade under a profile, with the source of the answer.</summary>
    /// <exception cref="ArgumentException">The industry is not in <see cref="Industries"/>.</exception>
    public static Sourced<RegulatorLevel> RegulatorFor(JurisdictionProfile profile, Grade grade, string industry)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Industries.EnsureKnown(industry);
        if (industry == Industries.OffshoreOilGas)
        {
            return new Sourced<RegulatorLevel>(RegulatorLevel.National, "000 §1(4)");
        }

        return profile.AnnouncingRegulator.Value.TryGetValue(grade, out var level)
            ? new Sourced<RegulatorLevel>(level, profile.AnnouncingRegulator.Source)
            : throw new ArgumentOutOfRangeException(nameof(grade), grade, $"Profile {profile.Id} names no regulator for {grade}.");
    }

    /// <summary>
    /// The regulator tier a workflow's notices go to: <see cref="RegulatorFor"/> under the profile the workflow runs
    /// on, for the enterprise's industry where the workflow knows it (without it, the profile's own tier for the grade).
    /// Null when the workflow names no profile or grade, so its notices cannot be routed to a regulator.
    /// </summary>
    public static RegulatorLevel? TierOf(ProfileCatalog profiles, string? profileId, Grade grade, string? industry = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        if (string.IsNullOrWhiteSpace(profileId) || !Enum.IsDefined(grade))
        {
            return null;
        }

        var profile = profiles.Get(profileId);
        if (!string.IsNullOrWhiteSpace(industry) && Industries.Known.Contains(industry))
        {
            return RegulatorFor(profile, grade, industry).Value;
        }

        return profile.AnnouncingRegulator.Value.TryGetValue(grade, out var level) ? level : null;
    }

    /// <summary>
    /// The GB/T 2260 code of the regulator of a tier over an enterprise's region: <c>000000</c> for the
    /// national regulator, the province for the provincial one, the prefecture-level city for the municipal
    /// one. Convention: in Beijing, Tianjin, Shanghai and Chongqing the municipal tier is the city itself.
    /// </summary>
    /// <exception cref="ArgumentException">The region code is not six digits.</exception>
    public static string RegulatorRegion(RegulatorLevel level, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Region code '{regionCode}' is not a six-digit GB/T 2260 code.", nameof(regionCode));
        }

        var province = regionCode[..2] + "0000";
        return level switch
        {
            RegulatorLevel.National => Nationwide,
            RegulatorLevel.Provincial => province,
            RegulatorLevel.Municipal when ProvinceLevelCities.Contains(regionCode[..2]) => province,
            RegulatorLevel.Municipal => regionCode[..4] + "00",
            _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown regulator level."),
        };
    }
}
