namespace SafetyCert.Functions.Documents;

/// <summary>
/// What access checks need to know of an enterprise: its id, the GB/T 2260 region it is registered in, and the review
/// units a draw assigned to one of its applications (the only units that file review and visit reports for it).
/// </summary>
public sealed record EnterpriseRef(string Id, string RegionCode, IReadOnlyCollection<string>? ReviewUnitIds = null)
{
    /// <summary>Whether a draw assigned this review unit to one of the enterprise's applications.</summary>
    public bool IsReviewedBy(string? unitId) => unitId is not null && ReviewUnitIds is { } units && units.Contains(unitId);
}
