using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Timers;

/// <summary>
/// Fires due timers. Reads only the due-hour partitions from the watermark (the first hour not yet fully
/// swept, kept in one row of <see cref="WorkflowStorageNames.Timers"/>) up to the current hour, enqueues a
/// <c>TimerFired</c> per due row (event id = timer id + token) and then deletes the row. Several hosts may
/// sweep at once: a timer enqueued twice is applied once because of its event id, and the watermark is
/// moved with its ETag. An hour is passed by the watermark only once it ended more than
/// <see cref="WorkflowEngineOptions.TimerGrace"/> ago; after downtime at most
/// <see cref="WorkflowEngineOptions.MaxCatchUpHours"/> past hours (plus the current ones) are read per sweep.
/// </summary>
public sealed class TimerSweeper
{
    internal const string WatermarkPartition = "sweep";
    internal const string WatermarkRow = "watermark";
    private const int FireParallelism = 16;
    private readonly WorkflowEngine engine;

    public TimerSweeper(WorkflowEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        this.engine = engine;
    }

    /// <summary>Sweeps every timer due at <paramref name="now"/>.</summary>
    public async Task<TimerSweepResult> SweepAsync(Instant now, CancellationToken cancellationToken = default) =>
        (await SweepAsync(now, catchingUp: false, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>
    /// Sweeps until the watermark reaches <paramref name="now"/>, however far behind it is (a long downtime, a
    /// development clock moved months ahead), firing the timers hour by hour in due order; the result adds up
    /// every pass.
    /// </summary>
    public async Task<TimerSweepResult> CatchUpAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var partitions = 0;
        var fired = 0;
        while (true)
        {
            var (result, reachedNow) = await SweepAsync(now, catchingUp: true, cancellationToken).ConfigureAwait(false);
            partitions += result.PartitionsRead;
            fired += result.TimersFired;
            if (reachedNow)
            {
                return new TimerSweepResult(partitions, fired, result.Watermark);
            }
        }
    }

    private async Task<(TimerSweepResult Result, bool ReachedNow)> SweepAsync(Instant now, bool catchingUp, CancellationToken cancellationToken)
    {
        var table = await engine.Storage.TableAsync(WorkflowStorageNames.Timers, cancellationToken).ConfigureAwait(false);
        var mark = await table.GetAsync(WatermarkPartition, WatermarkRow, cancellationToken).ConfigureAwait(false);
        var (start, hours, reachedNow) = HoursToRead(mark, now, catchingUp);
        var due = (await DueRowsAsync(table, hours, now, cancellationToken).ConfigureAwait(false))
            .OrderBy(row => row.GetDateTimeOffset("DueAt"))
            .ToList();
        var fired = 0;
        // Catching up over a long gap fires strictly in due order, so reminders reach their instances in sequence;
        // an ordinary sweep holds only a minute's worth of timers and fires them side by side.
        var parallelism = catchingUp ? 1 : FireParallelism;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            await TimerIndex.FireAsync(
                engine, row.GetString("Kind")!, row.GetString("InstanceId")!, row.GetString("TimerId")!, row.GetString("Token")!, now, ct).ConfigureAwait(false);
            engine.Faults?.At(FaultPoint.MidSweep, row.RowKey);
            await table.DeleteAsync(row.PartitionKey, row.RowKey, cancellationToken: ct).ConfigureAwait(false);
            Interlocked.Increment(ref fired);
        }).ConfigureAwait(false);

        var next = start;
        while (hours.Contains(next) && next + Duration.FromHours(1) + Duration.FromTimeSpan(engine.Options.TimerGrace) <= now)
        {
            next += Duration.FromHours(1);
        }

        if (next > start || mark is null)
        {
            var update = new TableEntity(WatermarkPartition, WatermarkRow) { ["NextHour"] = TimerIndex.Format(next) };
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

        return (new TimerSweepResult(hours.Count, fired, TimerIndex.Format(next)), reachedNow);
    }

    /// <summary>The due rows a sweep at <paramref name="now"/> would fire, without firing them; for measuring.</summary>
    internal async Task<int> CountDueAsync(Instant now, CancellationToken cancellationToken = default)
    {
        var table = await engine.Storage.TableAsync(WorkflowStorageNames.Timers, cancellationToken).ConfigureAwait(false);
        var mark = await table.GetAsync(WatermarkPartition, WatermarkRow, cancellationToken).ConfigureAwait(false);
        return (await DueRowsAsync(table, HoursToRead(mark, now, catchingUp: false).Hours, now, cancellationToken).ConfigureAwait(false)).Count;
    }

    /// <summary>
    /// The hours from the watermark to now, at most the catch-up cap of them plus the last two. Catching up
    /// reads strictly in due order, so the current hours wait for the pass that reaches them.
    /// </summary>
    private (Instant Start, List<Instant> Hours, bool ReachedNow) HoursToRead(TableEntity? mark, Instant now, bool catchingUp)
    {
        var options = engine.Options;
        var currentHour = TimerIndex.HourOf(now);
        var start = mark?.GetString("NextHour") is { } stored
            ? TimerIndex.ParseHour(stored)
            : currentHour - Duration.FromHours(options.MaxCatchUpHours);

        var hours = new List<Instant>();
        for (var hour = start; hour <= currentHour && hours.Count < options.MaxCatchUpHours; hour += Duration.FromHours(1))
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
        var cutoff = now.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
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
            var filter = $"PartitionKey ge '{TimerIndex.Format(from)}' and PartitionKey le '{TimerIndex.Format(to)}' and DueAt le datetime'{cutoff}'";
            await foreach (var row in table.QueryAsync(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add(row);
            }
        }

        return rows;
    }
}
