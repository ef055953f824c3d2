using NodaTime;

namespace SafetyCert.Functions.Api.Ledger;

/// <summary>A certificate in force whose last valid day falls within the asked number of days.</summary>
internal sealed record ExpiringCertificate(string CertificateId, string Number, string EnterpriseId, string RegionCode, string Grade, LocalDate LastValidDay, string Status);
