using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>A review unit was drawn at random under the written selection rules (RULES.md §4.2 [000 §3(2)1, §3(3)]); the seed records the draw.</summary>
public sealed record ReviewUnitAssigned(string UnitId, string DrawSeed, LocalDate AssignedOn) : WorkflowEvent;
