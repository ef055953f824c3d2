namespace SafetyCert.Engine.Queues;

/// <summary>How a <see cref="QueueListener"/> polls and retries.</summary>
public sealed class QueueListenerOptions
{
    /// <summary>Messages received at once (1-32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>How long a received message stays invisible; renewed at half of it while its handler runs.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The first wait after an empty poll; doubled up to <see cref="MaxPollDelay"/>.</summary>
    public TimeSpan MinPollDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between polls of an empty queue.</summary>
    public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a failed message stays invisible before its next delivery.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The delivery whose failure moves a message to the poison queue.</summary>
    public int MaxDequeueCount { get; set; } = 5;
}
