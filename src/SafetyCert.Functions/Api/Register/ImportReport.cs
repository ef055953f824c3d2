namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// What an import did, or in a dry run would do: counts of enterprises and certificates created, changed and left as
/// they were, and every bad row. A real run with bad rows writes nothing.
/// </summary>
internal sealed record ImportReport(
    bool DryRun, int Rows, int EnterprisesCreated, int EnterprisesChanged, int CertificatesCreated, int CertificatesChanged, int Unchanged,
    IReadOnlyList<RowProblem> Problems);
