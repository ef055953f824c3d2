using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>A remediation ordered against this certificate missed its deadline; the grade is cancelled (RULES.md §4.4 [001 art.14]): a cancellation, not a revocation.</summary>
public sealed record RemediationMissed(string RemediationId, LocalDate Deadline) : WorkflowEvent;
