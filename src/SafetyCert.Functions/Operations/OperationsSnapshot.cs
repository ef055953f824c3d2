using NodaTime;

namespace SafetyCert.Functions.Operations;

/// <summary>What the domain gauges report, as read from the workflow projection and the due index at one moment.</summary>
/// <param name="TakenAt">The business time the snapshot was taken at.</param>
/// <param name="Certificates">Certificate instances by status and grade.</param>
/// <param name="ExpiringWithin30Days">Certificates in force whose last valid day is within 30 days from today.</param>
/// <param name="ExpiringWithin90Days">The same within 90 days (the renewal window is three months).</param>
/// <param name="OverdueDeadlines">Running deadlines already past, by workflow kind and deadline name.</param>
/// <param name="OldestPendingDue">The earliest deadline due and not yet fired by the sweep; null when none waits.</param>
public sealed record OperationsSnapshot(
    Instant TakenAt,
    IReadOnlyDictionary<(string Status, string Grade), int> Certificates,
    int ExpiringWithin30Days,
    int ExpiringWithin90Days,
    IReadOnlyDictionary<(string Kind, string Deadline), int> OverdueDeadlines,
    Instant? OldestPendingDue)
{
    /// <summary>How far the sweep is behind: now minus the oldest due row not yet fired; zero when none waits.</summary>
    public Duration SweepLag => OldestPendingDue is { } due && due < TakenAt ? TakenAt - due : Duration.Zero;
}
