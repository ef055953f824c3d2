
namespace SafetyCert.Functions.Notifications;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Delivery {DeliveryId} recorded as {Status} for {Scope}")]
    public static partial void Recorded(ILogger logger, string deliveryId, Ledger.DeliveryStatus status, string scope);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Debug, Message = "Delivery {DeliveryId} already recorded; not queued again")]
    public static partial void AlreadyRecorded(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "{Scope} has no contact; notice {NoticeKind} of {InstanceId} waits as undeliverable until one is added")]
    public static partial void NoContact(ILogger logger, string scope, string noticeKind, string instanceId);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} is not in the ledger; message dropped")]
    public static partial void UnknownDelivery(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Delivery {DeliveryId} over {Channel} deferred {Delay} by the rate limit")]
    public static partial void RateLimited(ILogger logger, string deliveryId, Channels.ChannelKind channel, TimeSpan delay);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Delivery {DeliveryId} over {Channel}: {Outcome} {Error}")]
    public static partial void Attempted(ILogger logger, string deliveryId, Channels.ChannelKind channel, Channels.SendResult outcome, string? error);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed on {Channel}; falling back to {Fallback}")]
    public static partial void FellBack(ILogger logger, string deliveryId, string channel, string fallback);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Error, Message = "Delivery {DeliveryId} failed for good: {Error}")]
    public static partial void Failed(ILogger logger, string deliveryId, string? error);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was claimed by another sender while sending; its outcome is not recorded here")]
    public static partial void LostClaim(ILogger logger, string deliveryId);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Warning, Message = "Delivery {DeliveryId} was left mid-send since {Since}; sending again with the same id")]
    public static partial void Resending(ILogger logger, string deliveryId, DateTimeOffset since);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Information, Message = "Catch-up found {Count} deliveries due")]
    public static partial void CaughtUp(ILogger logger, int count);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Information, Message = "Daily digest for {Scope}: {DueSoon} due soon, {Overdue} overdue, {Yesterday} from yesterday")]
    public static partial void Digest(ILogger logger, string scope, int dueSoon, int overdue, int yesterday);

    [LoggerMessage(EventId = 4013, Level = LogLevel.Error, Message = "Notice {NoticeKind} of {WorkflowKind} {InstanceId} cannot be delivered and is dropped: {Problem}")]
    public static partial void Undeliverable(ILogger logger, string noticeKind, string workflowKind, string instanceId, string problem);

    [LoggerMessage(EventId = 4014, Level = LogLevel.Error, Message = "Delivery {DeliveryId} could not be processed (attempt {Attempt}, failed for good: {Failed})")]
    public static partial void Unprocessable(ILogger logger, Exception exception, string deliveryId, int attempt, bool failed);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Error, Message = "Catch-up could not process delivery {DeliveryId}; going on with the others")]
    public static partial void CatchUpFailed(ILogger logger, Exception exception, string deliveryId);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Delivery {DeliveryId} found no contact before; {Readdressed} takes it to the contact added since")]
    public static partial void Readdressed(ILogger logger, string deliveryId, string readdressed);
}
