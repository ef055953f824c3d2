using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The enterprise finished fixing findings; the review deadline moves by the days spent (RULES.md §4.3 [000 §3(2)1]).</summary>
public sealed record RemediationEnded(LocalDate EndedOn) : WorkflowEvent;
