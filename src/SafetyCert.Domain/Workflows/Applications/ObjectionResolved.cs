using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// The regulator resolved an objection (RULES.md §4.7). Upheld, the application fails; dismissed, the notice
/// resumes for its remaining working days once no other objection is open.
/// </summary>
public sealed record ObjectionResolved(string ObjectionId, LocalDate ResolvedOn, bool Upheld, string Resolution) : WorkflowEvent;
