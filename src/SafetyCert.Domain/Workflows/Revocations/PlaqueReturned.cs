using NodaTime;

namespace SafetyCert.Domain.Workflows.Revocations;

/// <summary>The review organization has the revoked plaque back (RULES.md §7, recall).</summary>
public sealed record PlaqueReturned(LocalDate On) : WorkflowEvent;
