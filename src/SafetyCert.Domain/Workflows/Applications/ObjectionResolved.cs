using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// The regulator resolved an objection (RULES.md §4.7). Upheld, the application fails and the partial re-review
/// window runs (§4.9). Dismissed, and no other objection open, the notice resumes: the working days still owed
/// count after <paramref name="ResolvedOn"/> (that day not counted), and the notice closes at the end of the
/// last of them. Published Mon 2026-03-02, objection Wed 03-04 (one day, 03-03, ran), dismissed Tue 03-10:
/// four days run 03-11, 12, 13, 16 and the announcement may be dated 03-17.
/// </summary>
public sealed record ObjectionResolved(string ObjectionId, LocalDate ResolvedOn, bool Upheld, string Resolution) : WorkflowEvent;
