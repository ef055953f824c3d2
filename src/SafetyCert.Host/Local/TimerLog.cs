namespace SafetyCert.Host.Local;

internal static partial class TimerLog
{
    [LoggerMessage(1, LogLevel.Information, "Timer {Function} running for {Occurrence:o} ({Firing})")]
    public static partial void Running(ILogger logger, string function, DateTimeOffset occurrence, TimerFiring firing);

    [LoggerMessage(2, LogLevel.Information, "Timer {Function} finished the run for {Occurrence:o}")]
    public static partial void Succeeded(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(3, LogLevel.Error, "Timer {Function} failed in the run for {Occurrence:o}; it counts as run")]
    public static partial void Failed(ILogger logger, string function, DateTimeOffset occurrence, Exception exception);

    [LoggerMessage(5, LogLevel.Information, "Timer {Function} skipped {Occurrence:o}: another host holds its lock")]
    public static partial void SkippedLeaseHeld(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(6, LogLevel.Information, "Timer {Function} skipped {Occurrence:o}: another host already ran it")]
    public static partial void SkippedAlreadyRun(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(7, LogLevel.Warning, "Timer {Function} with schedule '{Schedule}' never fires again")]
    public static partial void NeverFiresAgain(ILogger logger, string function, string schedule);

    [LoggerMessage(8, LogLevel.Error, "Timer {Function} could not use storage for {Occurrence:o}")]
    public static partial void StorageFailed(ILogger logger, string function, DateTimeOffset occurrence, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Timer {Function} could not renew its lock")]
    public static partial void LeaseRenewFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(10, LogLevel.Warning, "Timer {Function} could not release its lock")]
    public static partial void LeaseReleaseFailed(ILogger logger, string function, Exception exception);

    [LoggerMessage(11, LogLevel.Debug, "Timer {Function} next fires at {Occurrence:o}")]
    public static partial void Scheduled(ILogger logger, string function, DateTimeOffset occurrence);

    [LoggerMessage(12, LogLevel.Error, "Timer {Function} had an unreadable schedule status; starting it afresh")]
    public static partial void StatusUnreadable(ILogger logger, string function, Exception exception);

    [LoggerMessage(13, LogLevel.Warning, "Timer {Function} could not read its schedule status; retrying in {Retry}")]
    public static partial void StartFailed(ILogger logger, string function, TimeSpan retry, Exception exception);

    [LoggerMessage(15, LogLevel.Warning, "Timer {Function} had a schedule status written at {LastUpdated:o}, ahead of this host's clock; starting it afresh")]
    public static partial void StatusFromTheFuture(ILogger logger, string function, DateTimeOffset lastUpdated);

    [LoggerMessage(14, LogLevel.Information, "Timers started: {Functions} in container {Container}")]
    public static partial void Started(ILogger logger, string functions, string container);
}
