using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>A review organization (评审组织单位) approved by the regulator of its level (RULES.md §8).</summary>
internal sealed record ReviewOrganization(string Id, string Name, string RegionCode, RegulatorLevel Level);
