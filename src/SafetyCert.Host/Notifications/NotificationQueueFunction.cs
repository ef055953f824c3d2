using SafetyCert.Engine.Queues;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Notifications;

/// <summary>Queue function on <c>{prefix}notifications</c>: each message is a delivery id.</summary>
internal sealed class NotificationQueueFunction(NotificationSender sender) : IQueueFunction
{
    public const string FunctionName = "NotificationSender";

    /// <summary>The logical queue name; the storage prefix goes in front.</summary>
    public const string Queue = "notifications";

    public string Name => FunctionName;

    public string QueueName => Queue;

    public Task RunAsync(string message, CancellationToken ct) => sender.ProcessAsync(message.Trim(), ct);

    public Task RunAsync(QueueMessageInfo message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        return RunAsync(message.Body, cancellationToken);
    }
}
