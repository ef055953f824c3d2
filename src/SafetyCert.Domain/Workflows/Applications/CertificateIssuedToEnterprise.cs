using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The organization issued certificate and plaque after the announcement (RULES.md §4.8 [000 §3(2)2], §5).</summary>
public sealed record CertificateIssuedToEnterprise(string CertificateId, string Number, LocalDate IssuedOn) : WorkflowEvent;
