using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The enterprise began fixing findings during the review; the review clock pauses (RULES.md §4.3 [000 §3(2)1]).</summary>
public sealed record RemediationStarted(LocalDate StartedOn) : WorkflowEvent;
