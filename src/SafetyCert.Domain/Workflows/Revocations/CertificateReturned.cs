using NodaTime;

namespace SafetyCert.Domain.Workflows.Revocations;

/// <summary>The review organization has the revoked certificate back (RULES.md §7, recall).</summary>
public sealed record CertificateReturned(LocalDate On) : WorkflowEvent;
