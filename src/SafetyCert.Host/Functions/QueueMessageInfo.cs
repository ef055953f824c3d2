namespace SafetyCert.Host.Functions;

/// <summary>One delivery of a queue message.</summary>
/// <param name="Id">The storage message id.</param>
/// <param name="Body">The message text as it was enqueued (JSON stays JSON text).</param>
/// <param name="DequeueCount">How many times the message has been delivered, this delivery included.</param>
/// <param name="InsertionTime">When the message was enqueued, when known.</param>
/// <param name="ExpirationTime">When the message expires, when known.</param>
/// <param name="NextVisibleTime">When the message shows again if this delivery does not settle it, when known.</param>
/// <param name="PopReceipt">The receipt of this delivery, when known.</param>
public sealed record QueueMessageInfo(
    string Id,
    string Body,
    long DequeueCount,
    DateTimeOffset? InsertionTime = null,
    DateTimeOffset? ExpirationTime = null,
    DateTimeOffset? NextVisibleTime = null,
    string? PopReceipt = null);
