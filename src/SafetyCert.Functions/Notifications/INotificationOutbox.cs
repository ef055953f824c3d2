namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Takes the notices a workflow decided to send. Called from the engine's outbox after the decision is
/// stored, possibly more than once for one notice (a crash re-runs the outbox): the implementation keys
/// deliveries by the notice's identity so each goes out once.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Accepts one notice for later delivery.</summary>
    Task EnqueueAsync(NotificationRequest request, CancellationToken cancellationToken);
}
