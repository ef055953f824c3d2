namespace SafetyCert.Engine.Queues;

/// <summary>Handles one message; returning deletes it, throwing leaves it for another delivery.</summary>
public delegate Task QueueHandler(QueueMessageInfo message, CancellationToken cancellationToken);
