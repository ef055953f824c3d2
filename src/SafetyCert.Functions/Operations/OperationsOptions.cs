namespace SafetyCert.Functions.Operations;

/// <summary>The <c>Operations</c> settings: how often the domain gauges are refreshed and when the sweep's lag is a problem.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>Real time between two snapshots of the domain gauges (each scans the workflow projection).</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A sweep lag above this makes the health endpoint answer <c>Degraded</c> (the sweep runs every minute).</summary>
    public TimeSpan SweepLagDegraded { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A sweep lag above this makes it answer <c>Unhealthy</c> with 503: reminders and expiries are not going out.</summary>
    public TimeSpan SweepLagUnhealthy { get; set; } = TimeSpan.FromHours(1);
}
