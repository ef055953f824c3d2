using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>
/// A certificate as lists show it: number, grade, issuing body, issue date, last valid day and status, with the days left
/// while it is in force (null once it is not). <see cref="CertificateView"/> shows the same fields and more.
/// </summary>
internal sealed record CertificateSummary(
    string Id,
    string Number,
    Grade Grade,
    string IssuingBody,
    LocalDate IssuedOn,
    LocalDate LastValidDay,
    string Status,
    int? DaysLeft,
    string EnterpriseId,
    string? EnterpriseName,
    string RegionCode,
    string Industry);
