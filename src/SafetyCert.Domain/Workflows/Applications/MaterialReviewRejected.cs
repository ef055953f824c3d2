using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The review organization rejected the materials, in writing with reasons (RULES.md §4.1 [001 art.11]).</summary>
public sealed record MaterialReviewRejected(LocalDate RejectedOn, string Reasons) : WorkflowEvent;
