
namespace SafetyCert.Host.Triggers;

internal static partial class TriggerLog
{
    [LoggerMessage(1, LogLevel.Information, "Timer {Function} running for {Occurrence:o} (past due: {IsPastDue})")]
    public static partial void TimerRunning(ILogger logger, string function, DateTimeOffset occurrence, bool isPastDue);

    [LoggerMessage(2, LogLevel.Information, "Timer {Function} finished the run for {Occurrence:o}")]
    public static partial void TimerSucceeded(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(3, LogLevel.Error, "Timer {Function} failed in the run for {Occurrence:o}")]
    public static partial void TimerFailed(ILogger logger, string function, DateTimeOffset occurrence, Exception exception);

    [LoggerMessage(4, LogLevel.Warning, "Timer {Function} skipped {Occurrence:o}: the previous run is still going")]
    public static partial void TimerSkippedOverlap(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(5, LogLevel.Information, "Timer {Function} skipped {Occurrence:o}: another host holds the lock")]
    public static partial void TimerSkippedLeaseHeld(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(6, LogLevel.Information, "Timer {Function} skipped {Occurrence:o}: another host already ran it")]
    public static partial void TimerSkippedAlreadyRun(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(7, LogLevel.Warning, "Timer {Function} with schedule '{Schedule}' never fires again")]
    public static partial void TimerNeverFiresAgain(ILogger logger, string function, string schedule);

    [LoggerMessage(8, LogLevel.Error, "Timer {Function} could not reach storage for {Occurrence:o}")]
    public static partial void TimerStorageFailed(ILogger logger, string function, DateTimeOffset occurrence, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Timer {Function} could not renew its lock")]
    public static partial void LeaseRenewFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Timer {Function} could not release its lock")]
    public static partial void LeaseReleaseFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(11, LogLevel.Warning, "Queue function {Function} is not listening on {Queue}: no queue listener is registered")]
    public static partial void NoQueueListener(ILogger logger, string function, string queue);

    [LoggerMessage(12, LogLevel.Information, "Trigger runtime started: {Timers} timers in container {Container}, {Queues} queue functions")]
    public static partial void Started(ILogger logger, int timers, string container, int queues);

    [LoggerMessage(13, LogLevel.Debug, "Timer {Function} next fires at {Occurrence:o}")]
    public static partial void TimerScheduled(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(14, LogLevel.Error, "Timer {Function} had an unreadable status; starting its schedule afresh")]
    public static partial void TimerStatusUnreadable(ILogger logger, string function, Exception exception);
}
