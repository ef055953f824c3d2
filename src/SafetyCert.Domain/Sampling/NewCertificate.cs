using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Sampling;

/// <summary>A certificate issued in the year under supervision, as the spot-check draw sees it.</summary>
public sealed record NewCertificate(string CertificateId, Grade Grade, LocalDate IssuedOn);
