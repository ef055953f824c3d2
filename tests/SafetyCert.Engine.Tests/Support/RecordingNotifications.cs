using System.Collections.Concurrent;
using SafetyCert.Engine.Notifications;

namespace SafetyCert.Engine.Tests.Support;

/// <summary>Keeps every notice the engine hands over, repeats included.</summary>
public sealed class RecordingNotifications : INotificationOutbox
{
    public ConcurrentQueue<NotificationRequest> Requests { get; } = new();

    public Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.CompletedTask;
    }

    /// <summary>The notices once each, as the notification module's keyed delivery would send them.</summary>
    public IReadOnlyList<string> Distinct() =>
        [.. Requests.Select(r => $"{r.Kind}|{r.InstanceId}|{r.Sequence}|{r.Notice.Kind}|{r.Notice.DueDate}").Distinct().Order(StringComparer.Ordinal)];
}
