using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Register;

/// <summary>One valid row of the ledger: an enterprise and the certificate it holds.</summary>
internal sealed record RegisterRow(
    int Row, string CreditCode, string Name, string Number, Grade Grade, string Industry, string RegionCode, string IssuingBody,
    LocalDate IssuedOn, LocalDate LastValidDay, string ProfileId, bool Expired)
{
    /// <summary>The certificate's id: derived from its number, so importing the same number again reaches the same certificate.</summary>
    public string CertificateId => CertificateIds.ForImported(Number);
}
