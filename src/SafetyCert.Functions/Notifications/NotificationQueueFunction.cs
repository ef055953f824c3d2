using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Functions.Notifications;

/// <summary>The notification sender: each message on the notification queue is one delivery id.</summary>
internal sealed class NotificationQueueFunction(NotificationSender sender)
{
    public const string FunctionName = "NotificationSender";

    /// <summary>The app setting that names the queue (<c>notifications</c> in Azure; tests give each run its own).</summary>
    public const string QueueSetting = "NotificationQueueName";

    /// <summary>
    /// A failing delivery throws, so the message comes back; after five dequeues it goes to the <c>-poison</c> queue
    /// (host.json), and the ledger row still says what happened.
    /// </summary>
    [Function(FunctionName)]
    public Task RunAsync([QueueTrigger("%" + QueueSetting + "%")] string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return sender.ProcessAsync(message.Trim(), cancellationToken);
    }
}
