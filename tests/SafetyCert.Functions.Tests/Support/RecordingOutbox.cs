using System.Collections.Concurrent;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Functions.Tests.Support;

/// <summary>Keeps the notices the activities hand over, so a test reads what each transition asked to send.</summary>
internal sealed class RecordingOutbox : INotificationOutbox
{
    public ConcurrentQueue<NotificationRequest> Requests { get; } = new();

    public Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.CompletedTask;
    }
}
