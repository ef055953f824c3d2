using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>The work-safety licence was renewed, valid until <paramref name="ValidUntil"/>; a suspended certificate is restored (RULES.md §5 [001 art.16]).</summary>
public sealed record LicenceRenewed(LocalDate On, LocalDate ValidUntil) : WorkflowEvent;
