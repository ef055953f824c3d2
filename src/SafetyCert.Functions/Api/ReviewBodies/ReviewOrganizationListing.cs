using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>A review organization with its units, as <c>GET /api/review-organizations</c> lists it.</summary>
internal sealed record ReviewOrganizationListing(string Id, string Name, string RegionCode, RegulatorLevel Level, IReadOnlyList<ReviewUnit> Units);
