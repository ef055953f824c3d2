using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// Someone objected to the published result; the notice clock stops until it is resolved (RULES.md §4.7).
/// The notice days that ran are the working days after the publication (or the last resumption) and before
/// <paramref name="RaisedOn"/>: the day of the objection itself does not count, so the public always gets the
/// full number of uncontested working days.
/// </summary>
public sealed record ObjectionRaised(string ObjectionId, LocalDate RaisedOn, string Summary) : WorkflowEvent;
