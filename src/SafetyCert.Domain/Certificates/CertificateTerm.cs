using NodaTime;

namespace SafetyCert.Domain.Certificates;

/// <summary>The dates of one certificate (see <see cref="CertificateValidity"/>).</summary>
public sealed record CertificateTerm(LocalDate IssuedOn, LocalDate LastValidDay, LocalDate RenewalWindowOpens, LocalDate ExpiredFrom)
{
    /// <summary>Whether the certificate is valid on a date: from its issue date through its last valid day.</summary>
    public bool IsValidOn(LocalDate date) => date >= IssuedOn && date <= LastValidDay;

    /// <summary>Whether a date lies in the renewal window: from its opening through the last valid day (RULES.md §6).</summary>
    public bool IsInRenewalWindow(LocalDate date) => date >= RenewalWindowOpens && date <= LastValidDay;
}
