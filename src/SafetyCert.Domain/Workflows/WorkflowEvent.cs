namespace SafetyCert.Domain.Workflows;

/// <summary>
/// Something that happened to a workflow instance. Events are plain data; who raised them and when
/// travels in the engine's envelope, and the decider is handed that time as <c>now</c>.
/// </summary>
public abstract record WorkflowEvent;
