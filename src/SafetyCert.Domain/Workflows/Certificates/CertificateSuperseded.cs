using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>A renewal or upgrade certificate was issued and replaces this one (RULES.md §5).</summary>
/// <summary>A renewal or upgrade certificate replaced this one.</summary>
/// <param name="NewCertificateId">The new certificate.</param>
/// <param name="On">Its issue date.</param>
/// <param name="NewCertificateNumber">The new certificate's number, which the notice shows; null in events recorded before it was carried.</param>
public sealed record CertificateSuperseded(string NewCertificateId, LocalDate On, string? NewCertificateNumber = null) : WorkflowEvent;
