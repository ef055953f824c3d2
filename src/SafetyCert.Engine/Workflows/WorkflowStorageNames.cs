namespace SafetyCert.Engine.Workflows;

/// <summary>The tables, queue and container of the engine, before the <see cref="Storage.StorageOptions.Prefix"/>.</summary>
public static class WorkflowStorageNames
{
    /// <summary>Instance partitions: state, history, outbox and event-id rows, one partition per instance.</summary>
    public const string Instances = "workflows";

    /// <summary>Instances by kind and status: PartitionKey <c>{kind}|{status}</c>, RowKey the instance id.</summary>
    public const string StatusIndex = "workflowindex";

    /// <summary>Timers by due hour: PartitionKey <c>yyyyMMddHH</c> (UTC), RowKey <c>{kind}|{instanceId}|{timerId}|{token}</c>; also the sweep watermark.</summary>
    public const string Timers = "workflowtimers";

    /// <summary>The queue every event travels through.</summary>
    public const string EventsQueue = "workflow-events";

    /// <summary>Blobs for values too long for a table entity.</summary>
    public const string DataContainer = "workflow-data";
}
