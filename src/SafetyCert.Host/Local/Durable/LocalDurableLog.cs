namespace SafetyCert.Host.Local;

internal static partial class LocalDurableLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "Local Durable backend on task hub {TaskHub} started as worker {WorkerId}, sidecar on 127.0.0.1:{Port} ({ElapsedMs} ms)")]
    public static partial void Started(ILogger logger, string taskHub, string workerId, int port, long elapsedMs);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information, Message = "Local Durable backend stopped ({ElapsedMs} ms)")]
    public static partial void Stopped(ILogger logger, long elapsedMs);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "The Durable backend did not release its partitions within {Seconds} s; they return to the next host when their leases expire")]
    public static partial void StopTimedOut(ILogger logger, double seconds);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Debug, Message = "Renewed the lock of work item {WorkItem}")]
    public static partial void LockRenewed(ILogger logger, string workItem);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Warning, Message = "Could not renew the lock of work item {WorkItem}; retrying at the next interval")]
    public static partial void LockRenewalFailed(ILogger logger, Exception exception, string workItem);

    [LoggerMessage(EventId = 7106, Level = LogLevel.Warning, Message = "The local Durable backend did not stop cleanly")]
    public static partial void StopFailed(ILogger logger, Exception exception);
}
