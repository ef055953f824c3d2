using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>The enterprise fixed the findings by the deadline, with evidence documents (RULES.md §4.4 [001 art.14]).</summary>
public sealed record RemediationCompleted(LocalDate On, ImmutableArray<string> EvidenceDocumentIds) : WorkflowEvent;
