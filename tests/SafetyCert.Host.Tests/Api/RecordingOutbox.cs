using System.Collections.Concurrent;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Host.Tests.Api;

/// <summary>Keeps the notices raised instead of delivering them, for tests that check what was sent to whom.</summary>
internal sealed class RecordingOutbox : INotificationOutbox
{
    public ConcurrentQueue<NotificationRequest> Requests { get; } = new();

    public Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.CompletedTask;
    }
}
