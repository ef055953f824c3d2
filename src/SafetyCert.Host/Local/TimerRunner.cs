using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Host.Local;

/// <summary>
/// Fires one timer function at each occurrence of its schedule with the Functions timer's semantics: a missed
/// occurrence (recorded Next before now at start) runs once with <see cref="TimerInfo.IsPastDue"/>, <c>RunOnStartup</c>
/// runs at start, a failed run still counts as run, and a run that overran the next occurrence is followed by that
/// occurrence at once. With several hosts on one account the lock blob's lease and the recorded Last let each
/// occurrence run once. Occurrences come from the injected clock, so a development clock that jumps forward fires the
/// wait it passed, once.
/// </summary>
internal sealed class TimerRunner(
    FunctionDescriptor function,
    TimerSchedule schedule,
    TimerStatusStore store,
    IServiceProvider services,
    TimeProvider time,
    ILogger logger)
{
    // Task.Delay takes at most about 49 days; a yearly schedule waits in steps.
    private static readonly TimeSpan MaxWait = TimeSpan.FromDays(1);
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StatusWriteTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan JumpWhileRegistering = TimeSpan.FromSeconds(1);

    // Hosts' clocks differ a little; a status further ahead than this was written by a clock that has since gone back
    // (a development clock started afresh) and would otherwise mark every occurrence until then as already run.
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromMinutes(1);

    /// <summary>Functions' Last (and LastUpdated) before a timer ever ran: the default date.</summary>
    private static readonly DateTimeOffset NeverRun = DateTimeOffset.MinValue;

    private readonly bool monitored = schedule.IsMonitored && ((TimerTriggerAttribute)function.Trigger).UseMonitor;
    private readonly bool runOnStartup = ((TimerTriggerAttribute)function.Trigger).RunOnStartup;

    private string Name => function.Name;

    /// <summary>Runs the schedule until <paramref name="stoppingToken"/> is cancelled; a run in progress sees it cancelled.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            var missed = await StartAsync(stoppingToken);
            var next = missed is { } occurrence ? await RunOccurrenceAsync(occurrence, TimerFiring.PastDue, stoppingToken)
                : runOnStartup ? await RunOccurrenceAsync(time.GetUtcNow(), TimerFiring.Startup, stoppingToken)
                : schedule.NextAfter(time.GetUtcNow());
            while (next is { } due)
            {
                TimerLog.Scheduled(logger, Name, due);
                await WaitUntilAsync(due, stoppingToken);

                // A clock that jumped past later occurrences too makes this run late: it runs once, past due, and the
                // schedule resumes after now, as a Functions host does after a pause.
                var jumped = schedule.NextAfter(due) is { } following && following <= time.GetUtcNow();
                next = await RunOccurrenceAsync(due, jumped ? TimerFiring.PastDue : TimerFiring.Scheduled, stoppingToken);
            }

            TimerLog.NeverFiresAgain(logger, Name, schedule.Expression);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>Waits on the injected clock until <paramref name="due"/>; a clock that jumps past it ends the wait at once.</summary>
    private async Task WaitUntilAsync(DateTimeOffset due, CancellationToken stoppingToken)
    {
        for (var now = time.GetUtcNow(); due > now; now = time.GetUtcNow())
        {
            var wait = due - now;
            using var registered = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(wait < MaxWait ? wait : MaxWait, time, registered.Token);
            // A jump between reading the clock and registering the wait would make the wait that much too long.
            if (time.GetUtcNow() - now > JumpWhileRegistering)
            {
                await registered.CancelAsync();
                continue;
            }

            await delay;
        }
    }

    /// <summary>
    /// Returns the missed occurrence, if any, retrying until storage answers: a host may start before its storage does.
    /// </summary>
    private async Task<DateTimeOffset?> StartAsync(CancellationToken stoppingToken)
    {
        for (var retry = FirstRetry; ; retry = retry * 2 < MaxRetry ? retry * 2 : MaxRetry)
        {
            try
            {
                await store.EnsureContainerAsync(stoppingToken);
                return monitored ? await CheckPastDueAsync(stoppingToken) : null;
            }
#pragma warning disable CA1031 // Whatever storage does, the timer must keep trying rather than never fire.
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                TimerLog.StartFailed(logger, Name, retry, e);
                await Task.Delay(retry, TimeProvider.System, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Functions' schedule monitor check: records the first status, follows a changed schedule without calling it missed,
    /// and returns the recorded next occurrence when it has passed.
    /// </summary>
    private async Task<DateTimeOffset?> CheckPastDueAsync(CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        ScheduleStatus? status;
        try
        {
            status = await store.ReadAsync(Name, stoppingToken);
        }
        catch (InvalidDataException e)
        {
            // An unreadable status must not keep the timer from ever firing again: start it afresh.
            TimerLog.StatusUnreadable(logger, Name, e);
            await store.WriteAsync(Name, Status(NeverRun, now), stoppingToken);
            return null;
        }

        if (status is null)
        {
            await store.CreateIfAbsentAsync(Name, Status(NeverRun, now), stoppingToken);
            return null;
        }

        if (Utc(status.LastUpdated) > now + ClockTolerance)
        {
            TimerLog.StatusFromTheFuture(logger, Name, Utc(status.LastUpdated));
            await store.WriteAsync(Name, Status(NeverRun, now), stoppingToken);
            return null;
        }

        // As Functions computes it: the Next the status should hold, from Last, else from when it was written.
        var from = Utc(status.Last) != NeverRun ? Utc(status.Last) : Utc(status.LastUpdated) != NeverRun ? Utc(status.LastUpdated) : now;
        var expected = NextOrMax(from);
        var recorded = Utc(status.Next);
        if (recorded != expected)
        {
            // The schedule changed since the status was written: a passed occurrence of the new schedule is not missed.
            if (now > expected)
            {
                from = now;
            }

            await store.WriteAsync(Name, Status(NeverRun, from), stoppingToken);
            recorded = NextOrMax(from);
        }

        return now > recorded ? recorded : null;
    }

    /// <summary>Runs one occurrence unless another host has it, and returns the occurrence to wait for next.</summary>
    private async Task<DateTimeOffset?> RunOccurrenceAsync(DateTimeOffset occurrence, TimerFiring firing, CancellationToken stoppingToken)
    {
        try
        {
            if (time is ISettlingClock settling)
            {
                await settling.WhenSettledAsync(stoppingToken);
            }

            await using var lease = await store.TryAcquireAsync(Name, stoppingToken);
            if (lease is null)
            {
                TimerLog.SkippedLeaseHeld(logger, Name, occurrence);
                return NextAfterNow(occurrence);
            }

            // The lock is free again once another host has finished this occurrence; its Last says so.
            var status = await store.ReadAsync(Name, stoppingToken);
            if (firing != TimerFiring.Startup && status is not null && Utc(status.Last) >= occurrence && Utc(status.Last) <= time.GetUtcNow() + ClockTolerance)
            {
                TimerLog.SkippedAlreadyRun(logger, Name, occurrence);
                return NextAfterNow(occurrence);
            }

            var started = time.GetUtcNow();
            await InvokeAsync(occurrence, firing, status, stoppingToken);

            // Functions' Last is when the run started, but never before the occurrence a scheduled run was for; its
            // Next follows from Last, so an occurrence that came due during a long run fires as soon as it ends.
            var last = firing == TimerFiring.Scheduled && occurrence > started ? occurrence : started;
            using var timeout = new CancellationTokenSource(StatusWriteTimeout);
            await store.WriteAsync(Name, Status(last, last), timeout.Token);
            return schedule.NextAfter(last);
        }
        // Stopping before the status is written leaves this occurrence due, so the next start runs it late.
#pragma warning disable CA1031 // Storage failing must not end the schedule; the next occurrence tries again.
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            TimerLog.StorageFailed(logger, Name, occurrence, e);
            return NextAfterNow(occurrence);
        }
    }

    private DateTimeOffset? NextAfterNow(DateTimeOffset occurrence)
    {
        var now = time.GetUtcNow();
        return schedule.NextAfter(occurrence > now ? occurrence : now);
    }

    private async Task InvokeAsync(DateTimeOffset occurrence, TimerFiring firing, ScheduleStatus? status, CancellationToken stoppingToken)
    {
        // Functions hands over the status as it was before this run, and none when the schedule is not monitored.
        var info = new TimerInfo { IsPastDue = firing == TimerFiring.PastDue, ScheduleStatus = monitored ? status : null };
        TimerLog.Running(logger, Name, occurrence, firing);
        try
        {
            await using var scope = services.CreateAsyncScope();
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, _ => info, stoppingToken);
            TimerLog.Succeeded(logger, Name, occurrence);
        }
#pragma warning disable CA1031 // A failing function is logged and still counts as run, as in Functions: the schedule goes on.
        catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            TimerLog.Failed(logger, Name, occurrence, e);
        }
    }

    /// <summary>A status as Functions writes it: Last, the next occurrence after it, and when it was computed.</summary>
    private ScheduleStatus Status(DateTimeOffset last, DateTimeOffset updated) => new()
    {
        Last = last.UtcDateTime,
        Next = NextOrMax(last == NeverRun ? updated : last).UtcDateTime,
        LastUpdated = updated.UtcDateTime,
    };

    private DateTimeOffset NextOrMax(DateTimeOffset after) => schedule.NextAfter(after) ?? DateTimeOffset.MaxValue;

    /// <summary>Status times are UTC; one read back without a kind (the default Last) is taken as UTC too.</summary>
    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
