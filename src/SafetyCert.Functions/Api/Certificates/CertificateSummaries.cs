using NodaTime;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Api.Register;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>
/// What every view of a certificate states the same way: its last valid day (the profile's validity, RULES.md §5, the one
/// function the workflow uses too), its issuing body, whether it is in force and how many days it has left.
/// </summary>
internal sealed class CertificateSummaries(RegisterBook book, ProfileCatalog profiles)
{
    /// <summary>The status of a certificate whose workflow has not started yet.</summary>
    public const string Issuing = "Issuing";

    /// <summary>
    /// Whether a certificate in this status certifies its enterprise at its grade: valid, or valid with a renewal filed
    /// (the old certificate stays in force until the new one is issued, RULES.md §6). Suspended (RULES.md §5 [001 art.16]),
    /// expired, revoked, superseded and cancelled certificates do not. A certificate still being issued (no status yet)
    /// counts as in force.
    /// </summary>
    public static bool InForce(string? status) =>
        status is null or Issuing or nameof(CertificateStatus.Active) or nameof(CertificateStatus.RenewalFiled);

    public LocalDate LastValidDay(CertificateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return CertificateValidity.LastValidDay(record.IssuedOn, profiles.Get(record.ProfileId, record.IssuedOn));
    }

    /// <summary>
    /// The issuing body (发证机关): as the register named it for an imported certificate; otherwise the regulator that
    /// announced the grade (RULES.md §1, §4.8), named like every regulator.
    /// </summary>
    public async Task<string> IssuingBodyAsync(CertificateRecord record, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (await book.IssuingBodyAsync(record.CertificateId, ct).ConfigureAwait(false) is { Length: > 0 } registered)
        {
            return registered;
        }

        var level = Jurisdiction.RegulatorFor(profiles.Get(record.ProfileId, record.IssuedOn), record.Grade, record.Industry).Value;
        return PartyNames.Regulator(Jurisdiction.RegulatorRegion(level, record.RegionCode));
    }

    /// <summary>The summary of a certificate in a status (null: its workflow has not started) on <paramref name="today"/>.</summary>
    public async Task<CertificateSummary> OfAsync(CertificateRecord record, string? status, string? enterpriseName, LocalDate today, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(record);
        var current = status ?? Issuing;
        var lastValidDay = LastValidDay(record);
        return new CertificateSummary(
            record.CertificateId,
            record.Number,
            record.Grade,
            await IssuingBodyAsync(record, ct).ConfigureAwait(false),
            record.IssuedOn,
            lastValidDay,
            current,
            InForce(current) ? Period.DaysBetween(today, lastValidDay) : null,
            record.EnterpriseId,
            enterpriseName,
            record.RegionCode,
            record.Industry);
    }
}
