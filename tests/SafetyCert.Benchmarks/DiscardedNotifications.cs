using SafetyCert.Functions.Notifications;

namespace SafetyCert.Benchmarks;

/// <summary>The benchmark workflow sends no notice; this only satisfies the engine.</summary>
internal sealed class DiscardedNotifications : INotificationOutbox
{
    public Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
