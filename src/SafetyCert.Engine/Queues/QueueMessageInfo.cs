namespace SafetyCert.Engine.Queues;

/// <summary>A received queue message as a handler sees it.</summary>
/// <param name="QueueName">The full name of the queue it came from.</param>
/// <param name="MessageId">The message's id.</param>
/// <param name="Body">The decoded text.</param>
/// <param name="DequeueCount">How many times it has been received, this time included.</param>
/// <param name="InsertedOn">When it was first enqueued.</param>
public sealed record QueueMessageInfo(string QueueName, string MessageId, string Body, long DequeueCount, DateTimeOffset? InsertedOn);
