using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The review organization accepted the materials on a date (RULES.md §4.1 [000 §3(2)1]); the review clock starts that day.</summary>
public sealed record MaterialReviewAccepted(LocalDate AcceptedOn) : WorkflowEvent;
