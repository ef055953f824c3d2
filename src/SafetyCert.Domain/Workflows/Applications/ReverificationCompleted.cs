using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The organization completed the on-site re-verification of a level-2 applicant (RULES.md §4.6 [004 §2]). A re-verification that finds the applicant short is recorded as <see cref="ReviewFailed"/>.</summary>
public sealed record ReverificationCompleted(LocalDate CompletedOn) : WorkflowEvent;
