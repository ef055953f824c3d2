using Azure.Data.Tables;
using NodaTime;
using Microsoft.DurableTask.Client;
using SafetyCert.Functions.Operations;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// Fires due timers. Reads only the due-hour partitions from the watermark (the first hour not yet fully
/// swept, kept in one row of <see cref="WorkflowStorageNames.Timers"/>) up to the current hour, raises a
/// <c>TimerFired</c> per due row into its orchestration (event id = timer id + token) and then deletes the row.
/// Several hosts may sweep at once: a timer raised twice is applied once because of its event id, and the watermark
/// is moved with its ETag. An hour is passed by the watermark only once it ended more than <see cref="TimerGrace"/>
/// ago; after downtime at most <see cref="MaxCatchUpHours"/> past hours (plus the current ones) are read per sweep.
/// </summary>
public sealed class DueIndexSweeper(DueIndex index)
{
    /// <summary>How long after an hour ends its partition may still receive rows (a slow activity, clock skew).</summary>
    public static readonly TimeSpan TimerGrace = TimeSpan.FromMinutes(5);

    /// <summary>The most past hours one sweep reads when catching up after downtime; later sweeps go on.</summary>
    public const int MaxCatchUpHours = 168;

    internal const string WatermarkPartition = "sweep";
    internal const string WatermarkRow = "watermark";
    private const int FireParallelism = 16;

    /// <summary>How long one sweep waits for its instances to record the firings before leaving the rest to the next.</summary>
    private static readonly TimeSpan ConfirmBudget = TimeSpan.FromSeconds(30);

    /// <summary>Sweeps every timer due at <paramref name="now"/>.</summary>
    public async Task<DueIndexSweepResult> SweepAsync(DurableTaskClient durable, Instant now, CancellationToken cancellationToken = default) =>
        (await SweepAsync(durable, now, catchingUp: false, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>
    /// Sweeps until the watermark reaches <paramref name="now"/>, however far behind it is (a long downtime, a
    /// development clock moved months ahead), firing the timers hour by hour in due order; the result adds up
    /// every pass.
    /// </summary>
    public async Task<DueIndexSweepResult> CatchUpAsync(DurableTaskClient durable, Instant now, CancellationToken cancellationToken = default)
    {
        var partitions = 0;
        var fired = 0;
        while (true)
        {
            var (result, reachedNow) = await SweepAsync(durable, now, catchingUp: true, cancellationToken).ConfigureAwait(false);
            partitions += result.PartitionsRead;
            fired += result.TimersFired;
            if (reachedNow)
            {
                return new DueIndexSweepResult(partitions, fired, result.Watermark);
            }
        }
    }

    private async Task<(DueIndexSweepResult Result, bool ReachedNow)> SweepAsync(DurableTaskClient durable, Instant now, bool catchingUp, CancellationToken cancellationToken)
    {
        var table = await index.TableAsync(cancellationToken).ConfigureAwait(false);
        var mark = await table.GetAsync(WatermarkPartition, WatermarkRow, cancellationToken).ConfigureAwait(false);
        var (start, hours, reachedNow) = HoursToRead(mark, now, catchingUp);
        var due = (await DueRowsAsync(table, hours, now, cancellationToken).ConfigureAwait(false))
            .OrderBy(row => row.GetDateTimeOffset("DueAt"))
            .ToList();
        // Catching up over a long gap fires strictly in due order, so reminders reach their instances in sequence;
        // an ordinary sweep holds only a minute's worth of timers and fires them side by side.
        var parallelism = catchingUp ? 1 : FireParallelism;
        var raised = new (TableEntity Row, Delivery Delivery)[due.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, due.Count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var row = due[i];
            // Each firing is a workflow event of its own, so it begins its own trace (linked to the sweep's).
            using var span = SafetyCertTelemetry.StartRoot("timer.fire");
            span?.SetTag("safetycert.workflow.kind", row.GetString("Kind"));
            span?.SetTag("safetycert.workflow.instance", row.GetString("InstanceId"));
            span?.SetTag("safetycert.timer.id", row.GetString("TimerId"));
            raised[i] = (row, await index.FireAsync(
                durable, row.GetString("Kind")!, row.GetString("InstanceId")!, row.GetString("TimerId")!, row.GetString("Token")!, now, ct).ConfigureAwait(false));
            SafetyCertTelemetry.TimersFired.Add(1, new KeyValuePair<string, object?>("kind", row.GetString("Kind")));
        }).ConfigureAwait(false);

        // A row is deleted only once its instance recorded the firing; what is still unconfirmed after the budget stays
        // for the next sweep, and the watermark waits before its hour.
        var unconfirmed = await ConfirmAsync(durable, raised, table, cancellationToken).ConfigureAwait(false);
        var fired = due.Count - unconfirmed.Count;
        var blocked = unconfirmed.Count == 0 ? (Instant?)null : unconfirmed.Min(r => DueIndex.ParseHour(r.PartitionKey));

        var next = start;
        while (hours.Contains(next) && next + Duration.FromHours(1) + Duration.FromTimeSpan(TimerGrace) <= now && (blocked is null || next < blocked))
        {
            next += Duration.FromHours(1);
        }

        if (next > start || mark is null)
        {
            var update = new TableEntity(WatermarkPartition, WatermarkRow) { ["NextHour"] = DueIndex.Format(next) };
            try
            {
                if (mark is null)
                {
                    await table.AddAsync(update, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateAsync(update, mark.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (StorageConflictException)
            {
                // Another sweeper moved the watermark first; its sweep covered the same hours.
            }
        }

        return (new DueIndexSweepResult(hours.Count, fired, DueIndex.Format(next)), reachedNow);
    }

    private async Task<List<TableEntity>> ConfirmAsync(DurableTaskClient durable, (TableEntity Row, Delivery Delivery)[] raised, Table table, CancellationToken cancellationToken)
    {
        var client = index.Clients.For(durable);
        var pending = raised.ToList();
        var pause = TimeSpan.FromMilliseconds(100);
        var deadline = DateTimeOffset.UtcNow + ConfirmBudget;
        while (pending.Count > 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 1_000));
            var still = new System.Collections.Concurrent.ConcurrentBag<(TableEntity Row, Delivery Delivery)>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = FireParallelism, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                if (await client.ConfirmAsync(item.Delivery, ct).ConfigureAwait(false) is null)
                {
                    still.Add(item);
                }
                else
                {
                    await table.DeleteAsync(item.Row.PartitionKey, item.Row.RowKey, cancellationToken: ct).ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            pending = [.. still];
        }

        return [.. pending.Select(p => p.Row)];
    }

    /// <summary>The due rows a sweep at <paramref name="now"/> would fire, without firing them; for measuring.</summary>
    internal async Task<int> CountDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var table = await index.TableAsync(cancellationToken).ConfigureAwait(false);
        var mark = await table.GetAsync(WatermarkPartition, WatermarkRow, cancellationToken).ConfigureAwait(false);
        return (await DueRowsAsync(table, HoursToRead(mark, now, catchingUp: false).Hours, now, cancellationToken).ConfigureAwait(false)).Count;
    }

    /// <summary>
    /// The hours from the watermark to now, at most the catch-up cap of them plus the last two. Catching up
    /// reads strictly in due order, so the current hours wait for the pass that reaches them.
    /// </summary>
    private static (Instant Start, List<Instant> Hours, bool ReachedNow) HoursToRead(TableEntity? mark, Instant now, bool catchingUp)
    {
        var currentHour = DueIndex.HourOf(now);
        var start = mark?.GetString("NextHour") is { } stored
            ? DueIndex.ParseHour(stored)
            : currentHour - Duration.FromHours(MaxCatchUpHours);

        var hours = new List<Instant>();
        for (var hour = start; hour <= currentHour && hours.Count < MaxCatchUpHours; hour += Duration.FromHours(1))
        {
            hours.Add(hour);
        }

        var reachedNow = hours.Count == 0 || hours[^1] >= currentHour - Duration.FromHours(1);
        foreach (var recent in new[] { currentHour - Duration.FromHours(1), currentHour })
        {
            if ((!catchingUp || reachedNow) && recent >= start && !hours.Contains(recent))
            {
                hours.Add(recent);
            }
        }

        return (start, hours, reachedNow);
    }

    /// <summary>
    /// Reads the due rows of the hours as one PartitionKey range query per run of consecutive hours (one,
    /// or two when the catch-up cap cut the range): Table storage serves a key range from its index.
    /// </summary>
    private static async Task<List<TableEntity>> DueRowsAsync(Table table, List<Instant> hours, Instant now, CancellationToken cancellationToken)
    {
        var ranges = new List<(Instant From, Instant To)>();
        foreach (var hour in hours.Order())
        {
            if (ranges.Count > 0 && ranges[^1].To + Duration.FromHours(1) == hour)
            {
                ranges[^1] = (ranges[^1].From, hour);
            }
            else
            {
                ranges.Add((hour, hour));
            }
        }

        var rows = new List<TableEntity>();
        foreach (var (from, to) in ranges)
        {
            var filter = $"PartitionKey ge '{DueIndex.Format(from)}' and PartitionKey le '{DueIndex.Format(to)}' and {DueIndex.DueBy(now)}";
            await foreach (var row in table.QueryAsync(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
