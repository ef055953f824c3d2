namespace SafetyCert.Domain.Workflows;

/// <summary>Start another workflow instance (idempotent by id) and hand it its first event.</summary>
public sealed record StartWorkflow(string Kind, string InstanceId, WorkflowEvent Start) : Effect;
