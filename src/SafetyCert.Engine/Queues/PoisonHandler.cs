namespace SafetyCert.Engine.Queues;

/// <summary>Told about a message that failed its last delivery and was moved to the poison queue.</summary>
public delegate Task PoisonHandler(QueueMessageInfo message, Exception error, CancellationToken cancellationToken);
