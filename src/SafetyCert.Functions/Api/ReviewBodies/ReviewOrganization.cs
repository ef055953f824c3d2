using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>A review organization (评审组织单位) approved by the regulator of its level (RULES.md §8).</summary>
internal sealed record ReviewOrganization(string Id, string Name, string RegionCode, RegulatorLevel Level)
{
    /// <summary>
    /// Whether this organization handles an application in <paramref name="regionCode"/> whose grade the
    /// <paramref name="level"/> tier announces: the organization of that tier over the region, found by the rule that
    /// decides which regulator covers a region (RULES.md §1 [000 §1(4)]), as the organization's notices are addressed.
    /// </summary>
    public bool Handles(string regionCode, RegulatorLevel level) =>
        Level == level && Jurisdiction.RegulatorRegion(level, regionCode) == Jurisdiction.RegulatorRegion(level, RegionCode);
}
