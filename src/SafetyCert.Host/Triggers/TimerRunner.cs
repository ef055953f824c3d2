using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>
/// Fires one timer function at each occurrence of its schedule, with Azure Functions' semantics: a run missed
/// while no host was up fires once, late; one host at a time; an occurrence that finds the previous run still
/// going is skipped.
/// </summary>
internal sealed class TimerRunner(
    ITimerFunction function,
    TimerSchedule schedule,
    TimerStatusStore store,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);

    private Task running = Task.CompletedTask;
    private int busy;

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var next = await StartAsync(stoppingToken);
            while (next is { } occurrence)
            {
                TriggerLog.TimerScheduled(logger, function.Name, occurrence);
                // A timer waits at most MaxWait at a time: a yearly schedule is further off than Task.Delay accepts (about 49 days).
                for (var wait = occurrence - time.GetUtcNow(); wait > TimeSpan.Zero; wait = occurrence - time.GetUtcNow())
                {
                    await Task.Delay(wait < MaxWait ? wait : MaxWait, time, stoppingToken);
                }

                // A clock that jumped past later occurrences too makes this one late: it runs once, past due,
                // and the schedule resumes after now.
                var now = time.GetUtcNow();
                var jumped = schedule.NextAfter(occurrence) is { } following && following <= now;
                Fire(occurrence, isPastDue: jumped, stoppingToken);
                next = schedule.NextAfter(jumped ? now : occurrence);
            }

            TriggerLog.TimerNeverFiresAgain(logger, function.Name, schedule.Text);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }

        await running;
    }

    /// <summary>Fires the missed occurrence if there is one and returns the first occurrence to wait for.</summary>
    private async Task<DateTimeOffset?> StartAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var next = schedule.NextAfter(now);
        ScheduleStatus? status;
        try
        {
            status = await store.ReadAsync(function.Name, stoppingToken);
        }
        catch (InvalidDataException e)
        {
            // An unreadable status must not keep the timer from ever firing again: start it afresh.
            TriggerLog.TimerStatusUnreadable(logger, function.Name, e);
            status = new ScheduleStatus(DateTimeOffset.MinValue, next ?? DateTimeOffset.MaxValue, now);
            await store.WriteAsync(function.Name, status, stoppingToken);
        }

        if (status is null)
        {
            await store.CreateIfAbsentAsync(
                function.Name,
                new ScheduleStatus(DateTimeOffset.MinValue, next ?? DateTimeOffset.MaxValue, now),
                stoppingToken);
        }
        else if (status.Next <= now)
        {
            Fire(status.Next, isPastDue: true, stoppingToken);
        }

        return next;
    }

    private void Fire(DateTimeOffset occurrence, bool isPastDue, CancellationToken stoppingToken)
    {
        if (Interlocked.CompareExchange(ref busy, 1, 0) != 0)
        {
            TriggerLog.TimerSkippedOverlap(logger, function.Name, occurrence);
            return;
        }

        running = Task.Run(() => RunOccurrenceAsync(occurrence, isPastDue, stoppingToken), CancellationToken.None);
    }

    private async Task RunOccurrenceAsync(DateTimeOffset occurrence, bool isPastDue, CancellationToken stoppingToken)
    {
        Action report;
        try
        {
            report = await RunLockedAsync(occurrence, isPastDue, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the status keeps this occurrence due, so the next start runs it late.
            return;
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidDataException)
        {
            report = () => TriggerLog.TimerStorageFailed(logger, function.Name, occurrence, e);
        }
        finally
        {
            Volatile.Write(ref busy, 0);
        }

        // Reported only once the status is written and the lock released, so whoever reads it sees the run over.
        report();
    }

    private async Task<Action> RunLockedAsync(DateTimeOffset occurrence, bool isPastDue, CancellationToken stoppingToken)
    {
        await using var lease = await store.TryAcquireAsync(function.Name, stoppingToken);
        if (lease is null)
        {
            return () => TriggerLog.TimerSkippedLeaseHeld(logger, function.Name, occurrence);
        }

        // The lease is free again once another host has finished this occurrence; its status says so.
        var status = await store.ReadAsync(function.Name, stoppingToken);
        if (status is not null && status.Last >= occurrence)
        {
            return () => TriggerLog.TimerSkippedAlreadyRun(logger, function.Name, occurrence);
        }

        var started = time.GetUtcNow();
        TriggerLog.TimerRunning(logger, function.Name, occurrence, isPastDue);
        Action report = () => TriggerLog.TimerSucceeded(logger, function.Name, occurrence);
        try
        {
            await function.RunAsync(new TimerInfo(status, isPastDue), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A failed run still counts as run, as in Azure Functions: the next occurrence is not brought forward.
            report = () => TriggerLog.TimerFailed(logger, function.Name, occurrence, e);
        }

        var finished = time.GetUtcNow();
        var next = schedule.NextAfter(finished > occurrence ? finished : occurrence);
        await store.WriteAsync(
            function.Name,
            new ScheduleStatus(isPastDue ? started : occurrence, next ?? DateTimeOffset.MaxValue, finished),
            CancellationToken.None);
        return report;
    }
}
