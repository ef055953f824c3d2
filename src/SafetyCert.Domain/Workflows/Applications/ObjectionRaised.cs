using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>Someone objected to the published result; the notice clock stops until it is resolved (RULES.md §4.7).</summary>
public sealed record ObjectionRaised(string ObjectionId, LocalDate RaisedOn, string Summary) : WorkflowEvent;
