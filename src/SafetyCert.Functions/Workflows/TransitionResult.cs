using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>What became of one event.</summary>
/// <param name="Outcome">Applied, ignored or rejected.</param>
/// <param name="Reason">Why it was ignored or rejected; null when applied.</param>
/// <param name="Sequence">The history sequence it was recorded under; 0 when nothing was stored.</param>
/// <param name="Duplicate">True when the event id (or, for a start, the instance) was already known: nothing new was decided.</param>
/// <param name="Status">The instance's status afterwards; null when the instance does not exist.</param>
public sealed record TransitionResult(Outcome Outcome, string? Reason, long Sequence, bool Duplicate, string? Status);
