using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>The work-safety licence expired without extension; the certificate is suspended until it is renewed (RULES.md §5 [001 art.16]).</summary>
public sealed record LicenceLapsed(LocalDate On) : WorkflowEvent;
