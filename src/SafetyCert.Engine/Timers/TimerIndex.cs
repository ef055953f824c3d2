using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Timers;

/// <summary>
/// The due-time index: one row per set timer in the partition of its due hour (UTC, <c>yyyyMMddHH</c>),
/// so a sweep reads only the hours that are due, however many timers lie further ahead.
/// </summary>
internal static class TimerIndex
{
    private static readonly InstantPattern HourPattern = InstantPattern.CreateWithInvariantCulture("uuuuMMddHH");

    public static string Partition(Instant dueAt) => HourPattern.Format(HourOf(dueAt));

    public static Instant HourOf(Instant instant) =>
        Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks() - (instant.ToUnixTimeTicks() % NodaConstants.TicksPerHour));

    public static Instant ParseHour(string partition) => HourPattern.Parse(partition).Value;

    public static string Row(string kind, string instanceId, string timerId, string token) => TableKey.Join(kind, instanceId, timerId, token);

    /// <summary>
    /// Writes the index row; a timer already due is enqueued at once instead, because its hour may already
    /// be behind the sweeper's watermark.
    /// </summary>
    public static async Task SetAsync(WorkflowEngine engine, string kind, string instanceId, SetTimer timer, CancellationToken cancellationToken)
    {
        var now = engine.Clock.GetCurrentInstant();
        if (timer.DueAt <= now)
        {
            await FireAsync(engine, kind, instanceId, timer.TimerId, timer.Token, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var table = await engine.Storage.TableAsync(WorkflowStorageNames.Timers, cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(Partition(timer.DueAt), Row(kind, instanceId, timer.TimerId, timer.Token))
        {
            ["Kind"] = kind,
            ["InstanceId"] = instanceId,
            ["TimerId"] = timer.TimerId,
            ["Token"] = timer.Token,
            ["DueAt"] = timer.DueAt.ToDateTimeOffset(),
            ["Purpose"] = timer.Purpose,
        }, cancellationToken).ConfigureAwait(false);
    }

    public static async Task CancelAsync(WorkflowEngine engine, string kind, string instanceId, CancelTimer timer, Instant dueAt, CancellationToken cancellationToken)
    {
        var table = await engine.Storage.TableAsync(WorkflowStorageNames.Timers, cancellationToken).ConfigureAwait(false);
        await table.DeleteAsync(Partition(dueAt), Row(kind, instanceId, timer.TimerId, timer.Token), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public static Task FireAsync(WorkflowEngine engine, string kind, string instanceId, string timerId, string token, Instant now, CancellationToken cancellationToken) =>
        engine.EnqueueAsync(
            new EventEnvelope(kind, instanceId, EventIds.Timer(timerId, token), "timer", now, new TimerFired(timerId, token)),
            cancellationToken);

    public static string Format(Instant hour) => HourPattern.Format(hour);
}
