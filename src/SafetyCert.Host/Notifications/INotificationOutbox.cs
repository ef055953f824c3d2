namespace SafetyCert.Host.Notifications;

/// <summary>Where the engine hands every <see cref="SafetyCert.Domain.Workflows.Notify"/> effect.</summary>
internal interface INotificationOutbox
{
    /// <summary>
    /// Records one delivery per recipient channel (insert-if-absent, so calling twice is harmless) and queues it.
    /// Returns once the ledger rows exist; the sending happens from the queue.
    /// </summary>
    Task EnqueueAsync(NotificationRequest request, CancellationToken ct);
}
