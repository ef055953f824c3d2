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
        var options = engine.Options;
        var table = await engine.Storage.TableAsync(WorkflowStorageNames.Timers, cancellationToken).ConfigureAwait(false);
        var mark = await table.GetAsync(WatermarkPartition, WatermarkRow, cancellationToken).ConfigureAwait(false);
        var currentHour = TimerIndex.HourOf(now);
        var start = mark?.GetString("NextHour") is { } stored
            ? TimerIndex.ParseHour(stored)
            : currentHour - Duration.FromHours(options.MaxCatchUpHours);

        var hours = new List<Instant>();
        for (var hour = start; hour <= currentHour && hours.Count < options.MaxCatchUpHours; hour += Duration.FromHours(1))
        {
            hours.Add(hour);
        }

        // Catching up reads strictly in due order, so the current hours wait for the pass that reaches them.
        var reachedNow = hours.Count == 0 || hours[^1] >= currentHour - Duration.FromHours(1);
        foreach (var recent in new[] { currentHour - Duration.FromHours(1), currentHour })
        {
            if ((!catchingUp || reachedNow) && recent >= start && !hours.Contains(recent))
            {
                hours.Add(recent);
            }
        }

        var fired = 0;
        var nowOffset = now.ToDateTimeOffset();
        foreach (var hour in hours)
        {
            var filter = $"PartitionKey eq '{TimerIndex.Format(hour)}' and DueAt le datetime'{nowOffset.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'";
            var due = new List<TableEntity>();
            await foreach (var row in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                due.Add(row);
            }

            foreach (var row in due)
            {
                await TimerIndex.FireAsync(
                    engine, row.GetString("Kind")!, row.GetString("InstanceId")!, row.GetString("TimerId")!, row.GetString("Token")!, now, cancellationToken).ConfigureAwait(false);
                engine.Faults?.At(FaultPoint.MidSweep, row.RowKey);
                await table.DeleteAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
                fired++;
            }
        }

        var next = start;
        while (hours.Contains(next) && next + Duration.FromHours(1) + Duration.FromTimeSpan(options.TimerGrace) <= now)
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
}
