using NodaTime;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>A renewal or upgrade certificate was issued and replaces this one (RULES.md §5).</summary>
public sealed record CertificateSuperseded(string NewCertificateId, LocalDate On) : WorkflowEvent;
