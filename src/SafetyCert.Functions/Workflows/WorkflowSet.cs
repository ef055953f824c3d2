using System.Collections.Frozen;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>The lifecycle deciders by kind, over the calendar and profiles of this host, and the JSON they travel in.</summary>
public sealed class WorkflowSet
{
    private static readonly char[] Forbidden = ['/', '\\', '#', '?'];
    private readonly FrozenDictionary<string, IWorkflow> byKind;

    public WorkflowSet(WorkingDayCalendar calendar, ProfileCatalog profiles)
        : this(WorkflowCatalog.Create(calendar, profiles).Values)
    {
    }

    /// <summary>A set of deciders, one per kind: the catalog's, or a changed version of one of them.</summary>
    public WorkflowSet(IEnumerable<IWorkflow> workflows)
    {
        byKind = workflows.ToFrozenDictionary(w => w.Kind, StringComparer.Ordinal);
        Json = new WorkflowJson(byKind.Values.SelectMany(w => new[] { w.GetType().Assembly, w.StateType.Assembly }));
    }

    public WorkflowJson Json { get; }

    public IEnumerable<string> Kinds => byKind.Keys;

    /// <summary>Whether a workflow of this kind is registered.</summary>
    public bool Knows(string kind) => byKind.ContainsKey(kind);

    /// <summary>The decider of a kind; <see cref="ArgumentException"/> for a kind there is none of.</summary>
    public IWorkflow Get(string kind) =>
        byKind.TryGetValue(kind, out var workflow)
            ? workflow
            : throw new ArgumentException($"There is no '{kind}' workflow; the kinds are {string.Join(", ", byKind.Keys)}.", nameof(kind));

    /// <summary>The state stored as JSON, or the initial state for none.</summary>
    public IWorkflowState ReadState(string kind, string? json)
    {
        var workflow = Get(kind);
        return json is null
            ? workflow.Initial
            : (IWorkflowState?)System.Text.Json.JsonSerializer.Deserialize(json, workflow.StateType, Json.Options)
                ?? throw new InvalidDataException($"The stored state of a {kind} instance is null.");
    }

    /// <summary>
    /// The Durable instance id of a workflow instance, <c>{kind}:{id}</c>: readable in the Durable tooling and stable, so
    /// every sender reaches the same orchestration. Ids with characters Azure Storage keys refuse are refused here.
    /// </summary>
    public static string DurableId(string kind, string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        if (instanceId.IndexOfAny(Forbidden) >= 0 || instanceId.Any(char.IsControl))
        {
            throw new ArgumentException($"The {kind} id '{instanceId}' contains a character an instance id cannot hold (/ \\ # ? or a control character).", nameof(instanceId));
        }

        return $"{kind}:{instanceId}";
    }
}
