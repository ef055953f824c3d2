namespace SafetyCert.Host.Local;

/// <summary>
/// The task hub the local Durable backend runs on, and how quickly it gives back what a dead or stopping host held.
/// The Azure Storage provider's defaults suit a fleet in Azure (a message taken by a crashed worker stays invisible
/// for 5 minutes); locally a restart should pick the instance up again within seconds.
/// </summary>
internal sealed class LocalDurableOptions
{
    public const string Section = "LocalDurable";

    /// <summary>The storage account of the task hub: Azurite locally.</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The hub name, the prefix of its tables and queues. Durable Functions' local default.</summary>
    public string TaskHubName { get; set; } = "TestHubName";

    /// <summary>
    /// The owner name in the partition table. Two hosts on one hub need different ids; a restarted host with the same
    /// id takes its partitions back at once instead of waiting for their leases to expire.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>Control queues of the hub, fixed when the hub is first created (Durable Functions' default is 4).</summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>
    /// How long a dequeued orchestration message stays hidden: after a crash, the wait before a restarted host sees it
    /// again. Work in progress is renewed, so this bounds recovery, not how long a step may take.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a dequeued activity message stays hidden; renewed while the activity runs, as above.</summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest pause between polls of an idle queue (the provider's default is 30 s).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Orchestration work items one host runs at a time.</summary>
    public int MaxConcurrentOrchestrations { get; set; } = 32;

    /// <summary>Activities one host runs at a time.</summary>
    public int MaxConcurrentActivities { get; set; } = 16;

    /// <summary>The longest a stopping host waits for the backend to release its leases before it lets go anyway.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
