using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// The review unit sent its report (RULES.md §4.3). A passing report may list problems that do not block the
/// grade with a remediation deadline of at most the profile's limit (§4.4 [001 art.14]); a failing report goes
/// to the organization's audit, which records <see cref="ReviewFailed"/> when it agrees.
/// </summary>
/// <param name="SubmittedOn">The date the report reached the organization.</param>
/// <param name="Passed">Whether the unit found the enterprise meets the grade.</param>
/// <param name="Findings">The report's findings.</param>
/// <param name="NonBlockingFindings">Problems to fix that do not block the grade; null or empty when none.</param>
/// <param name="RemediationDeadline">The date those problems must be fixed by; required with them.</param>
public sealed record ReviewReportSubmitted(
    LocalDate SubmittedOn,
    bool Passed,
    string Findings,
    string? NonBlockingFindings = null,
    LocalDate? RemediationDeadline = null) : WorkflowEvent;
