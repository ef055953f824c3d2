using System.Collections.Concurrent;
using SafetyCert.Engine.Notifications;

namespace SafetyCert.Host.Tests.Api;

/// <summary>
/// Keeps the notices the workflows raise instead of delivering them: the application workflow's notices to the
/// review organization do not yet carry the organization id the contact book needs, which the API tests are not about.
/// </summary>
internal sealed class RecordingOutbox : INotificationOutbox
{
    public ConcurrentQueue<NotificationRequest> Requests { get; } = new();

    public Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.CompletedTask;
    }
}
