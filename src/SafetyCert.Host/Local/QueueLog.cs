namespace SafetyCert.Host.Local;

internal static partial class QueueLog
{
    [LoggerMessage(1, LogLevel.Information, "Queue function {Function} listening on {Queue}")]
    public static partial void Listening(ILogger logger, string function, string queue);

    [LoggerMessage(2, LogLevel.Warning, "Receiving from {Queue} failed; polling again in {Delay}")]
    public static partial void ReceiveFailed(ILogger logger, string queue, TimeSpan delay, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Queue {Queue} does not exist yet; function {Function} polls it until it does")]
    public static partial void QueueMissing(ILogger logger, string function, string queue);

    [LoggerMessage(4, LogLevel.Debug, "Message {MessageId} of {Queue} processed at delivery {DequeueCount}")]
    public static partial void Processed(ILogger logger, string queue, string messageId, long dequeueCount);

    [LoggerMessage(5, LogLevel.Warning, "Message {MessageId} of {Queue} failed delivery {DequeueCount} of {MaxDequeueCount}")]
    public static partial void Failed(ILogger logger, string queue, string messageId, long dequeueCount, int maxDequeueCount, Exception exception);

    [LoggerMessage(6, LogLevel.Error, "Message {MessageId} of {Queue} failed delivery {DequeueCount} and moves to the poison queue")]
    public static partial void Poisoned(ILogger logger, string queue, string messageId, long dequeueCount, Exception? exception);

    [LoggerMessage(7, LogLevel.Warning, "Keeping message {MessageId} of {Queue} invisible failed; retrying")]
    public static partial void RenewFailed(ILogger logger, string queue, string messageId, Exception exception);

    [LoggerMessage(8, LogLevel.Warning, "Message {MessageId} of {Queue} became visible to others while its function ran; it may run again")]
    public static partial void LeaseLost(ILogger logger, string queue, string messageId, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "Settling message {MessageId} of {Queue} failed; it comes back after its visibility timeout")]
    public static partial void SettleFailed(ILogger logger, string queue, string messageId, Exception exception);

    [LoggerMessage(10, LogLevel.Information, "Message {MessageId} of {Queue} released: the host is stopping")]
    public static partial void Released(ILogger logger, string queue, string messageId);

    [LoggerMessage(11, LogLevel.Error, "Message {MessageId} of {Queue} is not Base64 and moves to the poison queue")]
    public static partial void Undecodable(ILogger logger, string queue, string messageId);
}
