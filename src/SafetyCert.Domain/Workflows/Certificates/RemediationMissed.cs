using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>A remediation ordered against this certificate missed its deadline; the grade is cancelled (RULES.md §4.4 [001 art.14], §7(7)).</summary>
public sealed record RemediationMissed(string RemediationId, LocalDate Deadline) : WorkflowEvent;
