namespace SafetyCert.Host.Notifications;

/// <summary>Queue function on <c>{prefix}notifications</c>: each message is a delivery id.</summary>
internal sealed class NotificationQueueFunction(NotificationSender sender, NotificationQueue queue)
{
    public const string Name = "notification-sender";

    public string QueueName => queue.Name;

    public Task RunAsync(string message, CancellationToken ct) => sender.ProcessAsync(message.Trim(), ct);
}
