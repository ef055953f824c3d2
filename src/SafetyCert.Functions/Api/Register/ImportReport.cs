namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// What an import did, or in a dry run would do: counts of what was created, changed and left as it was, and every bad
/// row. A real run with bad rows writes nothing. <see cref="Sheet"/> names the sheet the file was read as; a review-body
/// sheet counts organizations or units instead of enterprises and certificates.
/// </summary>
internal sealed record ImportReport(
    bool DryRun, int Rows, int EnterprisesCreated, int EnterprisesChanged, int CertificatesCreated, int CertificatesChanged, int Unchanged,
    IReadOnlyList<RowProblem> Problems)
{
    public string Sheet { get; init; } = RegisterSheets.Name(RegisterSheet.Certificates);

    /// <summary>The id of a certificate sheet's import (from the file's hash): <c>GET /api/register/imports/{id}</c> shows its progress.</summary>
    public string? ImportId { get; init; }

    public int OrganizationsCreated { get; init; }

    public int OrganizationsChanged { get; init; }

    public int UnitsCreated { get; init; }

    public int UnitsChanged { get; init; }
}
