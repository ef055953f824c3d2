using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Register;

/// <summary>One valid row of the ledger: an enterprise and the certificate it holds; <see cref="Status"/> as the ledger labels it (empty when not given).</summary>
internal sealed record RegisterRow(
    int Row, string CreditCode, string Name, string Number, Grade Grade, string Industry, string RegionCode, string IssuingBody,
    LocalDate IssuedOn, LocalDate LastValidDay, string ProfileId, bool Expired, string Status)
{
    /// <summary>The certificate's id: derived from its number, so importing the same number again reaches the same certificate.</summary>
    public string CertificateId => CertificateIds.ForImported(Number);

    /// <summary>Whether the row gives its enterprise a grade in force: not expired, nor suspended, revoked, superseded or cancelled.</summary>
    public bool InForce => !Expired && !RegisterColumns.RecordedStatuses.Contains(Status);
}
