namespace SafetyCert.Functions.Operations;

/// <summary>The answer of <c>GET /api/health</c>.</summary>
/// <param name="Status">Healthy, Degraded (the sweep lags) or Unhealthy (storage unreachable or the sweep far behind).</param>
/// <param name="CheckedAt">The business time of the check.</param>
/// <param name="Storage">Whether the tables and blobs answered.</param>
/// <param name="Sweep">The sweep's lag behind the deadlines that fell due.</param>
public sealed record HealthReport(string Status, DateTimeOffset CheckedAt, HealthCheck Storage, SweepHealth Sweep);

/// <summary>One check: its status and, when not healthy, what is wrong.</summary>
public sealed record HealthCheck(string Status, string? Problem = null);

/// <summary>The sweep's part of the health report.</summary>
/// <param name="Status">Healthy, Degraded or Unhealthy against the configured thresholds.</param>
/// <param name="LagSeconds">Now minus the oldest due deadline not yet fired; 0 when none waits.</param>
/// <param name="OldestPendingDue">That deadline's due time; null when none waits.</param>
public sealed record SweepHealth(string Status, double LagSeconds, DateTimeOffset? OldestPendingDue);
