using System.Collections.Immutable;

namespace SafetyCert.Domain.Workflows;

/// <summary>The result of deciding one event: a new state and effects, or why nothing changed.</summary>
public sealed record Decision
{
    private Decision(Outcome outcome, IWorkflowState? state, ImmutableArray<Effect> effects, string? reason)
    {
        Outcome = outcome;
        State = state;
        Effects = effects;
        Reason = reason;
    }

    public Outcome Outcome { get; }

    /// <summary>The new state when <see cref="Outcome"/> is <see cref="Outcome.Applied"/>.</summary>
    public IWorkflowState? State { get; }

    public ImmutableArray<Effect> Effects { get; }

    /// <summary>Why the event was ignored or rejected; null when applied.</summary>
    public string? Reason { get; }

    public static Decision Apply(IWorkflowState state, IEnumerable<Effect> effects) =>
        new(Outcome.Applied, state, [.. effects], null);

    public static Decision Apply(IWorkflowState state, params Effect[] effects) =>
        new(Outcome.Applied, state, [.. effects], null);

    public static Decision Ignore(string reason) => new(Outcome.Ignored, null, [], reason);

    public static Decision Reject(string reason) => new(Outcome.Rejected, null, [], reason);

    /// <summary>The new state, typed; throws when the event was not applied.</summary>
    public TState StateAs<TState>() where TState : IWorkflowState =>
        State is TState typed
            ? typed
            : throw new InvalidOperationException($"The event was {Outcome}: {Reason}");
}
