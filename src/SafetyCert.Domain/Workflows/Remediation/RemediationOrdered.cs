using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>
/// Problems that do not block the grade were given a deadline of at most the profile's limit
/// (RULES.md §4.4 [001 art.14]). Starts a remediation workflow; a missed deadline cancels the grade.
/// <paramref name="RegionCode"/> and <paramref name="Grade"/> are the enterprise's region and the grade at
/// stake; they say which regulator and review organization are told of a miss.
/// </summary>
public sealed record RemediationOrdered(
    string RemediationId,
    string EnterpriseId,
    string RegionCode,
    Grade Grade,
    string ProfileId,
    string? CertificateId,
    string? ApplicationId,
    string Findings,
    LocalDate OrderedOn,
    LocalDate Deadline) : WorkflowEvent;
