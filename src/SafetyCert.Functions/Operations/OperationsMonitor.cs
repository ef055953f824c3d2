using System.Diagnostics.Metrics;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Operations;

/// <summary>
/// The domain gauges: certificates by status and grade, certificates expiring within 30 and 90 days, overdue deadlines
/// by kind, and the sweep's lag. They are read from a snapshot that <see cref="OperationsMonitorService"/> refreshes
/// periodically (a full scan of the workflow projection is too costly for every metrics collection); the lag is also
/// measured fresh by the health endpoint.
/// </summary>
public sealed class OperationsMonitor
{
    private readonly WorkflowStore store;
    private readonly WorkflowSet workflows;
    private readonly DueIndex dueIndex;
    private readonly IClock clock;
    private volatile OperationsSnapshot? latest;

    public OperationsMonitor(WorkflowStore store, WorkflowSet workflows, DueIndex dueIndex, IClock clock, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        (this.store, this.workflows, this.dueIndex, this.clock) = (store, workflows, dueIndex, clock);
        Meter = meters.Create(SafetyCertTelemetry.Name);
        Meter.CreateObservableGauge(
            "safetycert.certificates",
            () => Latest?.Certificates.Select(c => new Measurement<int>(c.Value, Tag("status", c.Key.Status), Tag("grade", c.Key.Grade))) ?? [],
            "{certificate}",
            "Certificates by status (Active, Suspended, RenewalFiled, Expired, Revoked, …) and grade.");
        Meter.CreateObservableGauge(
            "safetycert.certificates.expiring",
            () => Latest is { } s
                ? [new Measurement<int>(s.ExpiringWithin30Days, Tag("within", "30d")), new Measurement<int>(s.ExpiringWithin90Days, Tag("within", "90d"))]
                : Array.Empty<Measurement<int>>(),
            "{certificate}",
            "Certificates in force whose last valid day falls within the next 30 or 90 days.");
        Meter.CreateObservableGauge(
            "safetycert.deadlines.overdue",
            () => Latest?.OverdueDeadlines.Select(d => new Measurement<int>(d.Value, Tag("kind", d.Key.Kind), Tag("deadline", d.Key.Deadline))) ?? [],
            "{deadline}",
            "Running deadlines already past, by workflow kind and deadline.");
        Meter.CreateObservableGauge(
            "safetycert.sweep.lag",
            () => Latest is { } s ? [new Measurement<double>(s.SweepLag.TotalSeconds)] : Array.Empty<Measurement<double>>(),
            "s",
            "Now minus the oldest due deadline the sweep has not fired yet; 0 when none waits.");
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    /// <summary>This host's meter of the domain gauges.</summary>
    public Meter Meter { get; }

    /// <summary>The last snapshot taken; null before the first.</summary>
    public OperationsSnapshot? Latest => latest;

    /// <summary>Reads the projection and the due index and replaces the snapshot the gauges report.</summary>
    public async Task<OperationsSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var today = Domain.Time.ShanghaiTime.DateOf(now);
        var certificates = new Dictionary<(string, string), int>();
        var (within30, within90) = (0, 0);
        await foreach (var status in store.ListAsync(WorkflowKinds.Certificate, runningOnly: false, cancellationToken).ConfigureAwait(false))
        {
            if (workflows.ReadState(WorkflowKinds.Certificate, status.StateJson) is not CertificateState state)
            {
                continue;
            }

            var key = (status.Status, state.Grade.ToString());
            certificates[key] = certificates.GetValueOrDefault(key) + 1;
            if (status.Status is nameof(CertificateStatus.Active) or nameof(CertificateStatus.RenewalFiled) && state.ValidThrough >= today)
            {
                var daysLeft = Period.Between(today, state.ValidThrough, PeriodUnits.Days).Days;
                within30 += daysLeft <= 30 ? 1 : 0;
                within90 += daysLeft <= 90 ? 1 : 0;
            }
        }

        var overdue = new Dictionary<(string, string), int>();
        await foreach (var status in store.ListAsync(kind: null, runningOnly: true, cancellationToken).ConfigureAwait(false))
        {
            foreach (var deadline in status.Deadlines.Where(d => d.Due < today))
            {
                var key = (status.Kind, deadline.Name);
                overdue[key] = overdue.GetValueOrDefault(key) + 1;
            }
        }

        var oldest = await dueIndex.OldestPendingAsync(now, cancellationToken).ConfigureAwait(false);
        var snapshot = new OperationsSnapshot(now, certificates, within30, within90, overdue, oldest);
        latest = snapshot;
        return snapshot;
    }
}
