namespace SafetyCert.Host.Local;

/// <summary>Queue trigger settings, named as in host.json <c>extensions.queues</c>, with Functions' defaults unless noted.</summary>
public sealed class LocalQueueOptions
{
    /// <summary>Messages received at once per queue function (1-32).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Messages still running when the next batch is fetched; <see langword="null"/> is half of <see cref="BatchSize"/>.</summary>
    public int? NewBatchThreshold { get; set; }

    /// <summary>The delivery whose failure moves a message to <c>{queue}-poison</c>.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>How long a failed message stays invisible before its next delivery.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>The first wait after an empty poll, doubled up to <see cref="MaxPollingInterval"/>.</summary>
    public TimeSpan MinPollingInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between polls of an empty queue (Functions: 1 minute; shorter for development).</summary>
    public TimeSpan MaxPollingInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a running message stays invisible, renewed at half of it while its function runs (Functions: 10 minutes;
    /// shorter here, so a message held by a host that was killed comes back soon).
    /// </summary>
    public TimeSpan MessageLease { get; set; } = TimeSpan.FromMinutes(1);
}
