using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Workflows;

/// <summary>A workflow the engine runs, with the schema version of its state and how to read older ones.</summary>
/// <param name="Workflow">The decider.</param>
/// <param name="SchemaVersion">The version written with every stored state; raise it when the state's JSON changes shape.</param>
/// <param name="Upgrade">Reads states stored by lower versions; null when there were none.</param>
public sealed record WorkflowRegistration(IWorkflow Workflow, int SchemaVersion, StateUpgrade? Upgrade);
