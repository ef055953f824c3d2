using NodaTime;

namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>
/// The application whose review ordered the remediation ended on <paramref name="On"/> without a certificate (rejected,
/// failed, withdrawn): no grade will follow, so the order closes with it (RULES.md §4.4 [001 art.14]).
/// </summary>
public sealed record ApplicationClosed(string ApplicationId, LocalDate On) : WorkflowEvent;
