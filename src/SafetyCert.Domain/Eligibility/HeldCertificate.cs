using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Eligibility;

/// <summary>The certificate an enterprise holds when it applies for renewal or an upgrade.</summary>
public sealed record HeldCertificate(Grade Grade, LocalDate IssuedOn, LocalDate LastValidDay);
