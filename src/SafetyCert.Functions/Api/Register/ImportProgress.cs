using NodaTime;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// How far a real import of one file has come: <see cref="RowsDone"/> of <see cref="RowsToApply"/> valid rows applied,
/// with the counts its plan reported. <see cref="State"/> is <c>Running</c> while it runs (and after a crash, until the
/// same file is posted again), <c>Interrupted</c> when it was cancelled, <c>Completed</c> at the end.
/// </summary>
internal sealed record ImportProgress(
    string ImportId, string FileHash, string State, int Rows, int RowsToApply, int RowsDone,
    int EnterprisesCreated, int EnterprisesChanged, int CertificatesCreated, int CertificatesChanged, int Unchanged,
    string StartedBy, string? RegionCode, Instant StartedAt, Instant UpdatedAt)
{
    public const string Running = "Running";
    public const string Interrupted = "Interrupted";
    public const string Completed = "Completed";
}
