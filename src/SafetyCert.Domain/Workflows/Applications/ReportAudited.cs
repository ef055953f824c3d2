using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// The organization audited the unit's report: it forwards a passing report to the regulator, or returns the
/// report to the unit with written reasons and the review resumes (RULES.md §4.5 [000 §3(2)2]).
/// </summary>
public sealed record ReportAudited(LocalDate AuditedOn, bool Forwarded, string? Reasons = null) : WorkflowEvent;
