using Azure.Storage.Queues;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// The queue <c>{prefix}notifications</c>: each message is one delivery id. A delay becomes the message's
/// visibility timeout, which is how retries, rate-limit deferrals and held notices wait.
/// </summary>
internal sealed class NotificationQueue(QueueClient queue)
{
    // Storage queues hide a message for at most seven days; a longer wait is picked up by the catch-up sweep.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public string Name => queue.Name;

    public async Task SendAsync(string deliveryId, TimeSpan delay, CancellationToken ct)
    {
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : delay > LongestDelay ? LongestDelay : delay;
        await queue.SendMessageAsync(deliveryId, visibility, TimeSpan.FromSeconds(-1), ct).ConfigureAwait(false);
    }
}
