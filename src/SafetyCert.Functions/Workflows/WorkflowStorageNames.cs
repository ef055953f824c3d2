namespace SafetyCert.Functions.Workflows;

/// <summary>The tables and container of the workflows beside Durable's task hub, before the storage prefix.</summary>
public static class WorkflowStorageNames
{
    /// <summary>The projection: one row per instance (PartitionKey <c>{kind}|{id}</c>, RowKey <c>state</c>) with its current state.</summary>
    public const string Instances = "workflows";

    /// <summary>The audit trail: per instance, one row per decided event (<c>h|sequence</c>) and one per event id (<c>e|id</c>).</summary>
    public const string Audit = "workflowaudit";

    /// <summary>The due index: PartitionKey <c>yyyyMMddHH</c> (UTC), RowKey <c>{kind}|{instanceId}|{timerId}|{token}</c>; also the sweep watermark.</summary>
    public const string Timers = "workflowtimers";

    /// <summary>Blobs for values too long for a table entity.</summary>
    public const string DataContainer = "workflow-data";
}
