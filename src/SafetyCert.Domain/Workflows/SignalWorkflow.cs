namespace SafetyCert.Domain.Workflows;

/// <summary>Raise an event on another workflow instance.</summary>
public sealed record SignalWorkflow(string Kind, string InstanceId, WorkflowEvent Event) : Effect;
