using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The enterprise withdrew its application.</summary>
public sealed record Withdrawn(LocalDate WithdrawnOn, string? Reason = null) : WorkflowEvent;
