using SafetyCert.Functions.Notifications;

namespace SafetyCert.Host.Tests.MultiHost;

/// <summary>The outbox of the test's own engine, which only starts instances: the hosts deliver everything after that.</summary>
public sealed class DiscardingOutbox : INotificationOutbox
{
    public Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken) => Task.CompletedTask;
}
