using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// The review organization confirmed a renewal that met every fast-track condition (RULES.md §6 [001 art.17]): no
/// on-site review; the extension counts as announced on <paramref name="ConfirmedOn"/> and a new certificate is issued.
/// </summary>
public sealed record FastTrackConfirmed(LocalDate ConfirmedOn) : WorkflowEvent;
