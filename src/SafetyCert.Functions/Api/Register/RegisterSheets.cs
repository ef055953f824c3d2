namespace SafetyCert.Functions.Api.Register;

/// <summary>Tells the sheet of an imported file from its header row.</summary>
internal static class RegisterSheets
{
    // A unit sheet also names its organization, so the unit column decides first.
    public static RegisterSheet Of(IReadOnlyList<string> headers) =>
        headers.Contains(ReviewBodyColumns.UnitId) ? RegisterSheet.ReviewUnits
        : headers.Contains(ReviewBodyColumns.OrganizationId) ? RegisterSheet.ReviewOrganizations
        : RegisterSheet.Certificates;

    public static string Name(RegisterSheet sheet) => sheet switch
    {
        RegisterSheet.ReviewOrganizations => "review-organizations",
        RegisterSheet.ReviewUnits => "review-units",
        _ => "certificates",
    };
}
