namespace SafetyCert.Host.Triggers;

/// <summary>
/// Feeds one queue function from its queue until <paramref name="stoppingToken"/> is cancelled, then returns once
/// the messages in flight are settled. The trigger runtime starts one per queue function; the storage engine's
/// queue listener is what gets registered here.
/// </summary>
public delegate Task QueueTriggerListener(QueueTrigger trigger, CancellationToken stoppingToken);
