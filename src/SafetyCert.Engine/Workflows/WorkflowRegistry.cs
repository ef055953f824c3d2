using System.Reflection;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Workflows;

/// <summary>
/// The workflows the engine runs, by kind.
/// <para>
/// Versioning: state is data, not a replayed call stack, so new code meets old instances only through
/// their stored state. Every state row holds the state JSON, the state type's name and the schema version
/// it was written with. A change that only adds states or optional properties needs nothing: the new
/// decider reads the old JSON (missing properties take their defaults). A change of shape raises
/// <see cref="WorkflowRegistration.SchemaVersion"/> and supplies a <see cref="StateUpgrade"/> that rewrites
/// the stored JSON on load; the next transition stores it at the new version. A host that finds a state
/// newer than it knows refuses to touch it rather than lose data.
/// </para>
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, WorkflowRegistration> byKind = new(StringComparer.Ordinal);

    /// <summary>Adds a workflow; its kind must be new.</summary>
    public WorkflowRegistry Add(IWorkflow workflow, int schemaVersion = 1, StateUpgrade? upgrade = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentOutOfRangeException.ThrowIfLessThan(schemaVersion, 1);
        if (!typeof(IWorkflowState).IsAssignableFrom(workflow.StateType))
        {
            throw new ArgumentException($"The {workflow.Kind} workflow's state type {workflow.StateType.Name} is not an IWorkflowState.", nameof(workflow));
        }

        if (schemaVersion > 1 && upgrade is null)
        {
            throw new ArgumentException($"The {workflow.Kind} workflow is at schema version {schemaVersion} and needs an upgrade for older states.", nameof(upgrade));
        }

        if (!byKind.TryAdd(workflow.Kind, new WorkflowRegistration(workflow, schemaVersion, upgrade)))
        {
            throw new ArgumentException($"A workflow of kind '{workflow.Kind}' is already registered.", nameof(workflow));
        }

        return this;
    }

    /// <summary>Every registration.</summary>
    public IReadOnlyCollection<WorkflowRegistration> All => byKind.Values;

    /// <summary>The registration of a kind; throws <see cref="UnknownWorkflowKindException"/> for an unknown one.</summary>
    public WorkflowRegistration Get(string kind) =>
        byKind.TryGetValue(kind, out var registration)
            ? registration
            : throw new UnknownWorkflowKindException(kind, byKind.Keys);

    /// <summary>The assemblies whose event and effect types the engine must be able to read.</summary>
    internal IEnumerable<Assembly> Assemblies =>
        byKind.Values.SelectMany(r => new[] { r.Workflow.GetType().Assembly, r.Workflow.StateType.Assembly }).Distinct();
}
