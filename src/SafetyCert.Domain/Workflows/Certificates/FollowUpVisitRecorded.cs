using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>The review unit made its follow-up visit to the certified enterprise (RULES.md §4.10 [004 §4]).</summary>
public sealed record FollowUpVisitRecorded(string ReviewUnitId, LocalDate On, string? ReportDocumentId = null) : WorkflowEvent;
