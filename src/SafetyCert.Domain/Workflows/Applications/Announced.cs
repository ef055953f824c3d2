using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The regulator announced the enterprise at its grade (RULES.md §4.8 [000 §3(2)2]).</summary>
public sealed record Announced(LocalDate AnnouncedOn) : WorkflowEvent;
