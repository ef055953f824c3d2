using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>
/// A workflow over one state type; timers it set are checked against their tokens before it sees them,
/// and every notice it sends carries the scope facts of its new state, so the recipient can be found.
/// </summary>
public abstract class Workflow<TState> : IWorkflow
    where TState : class, IWorkflowState
{
    public abstract string Kind { get; }

    public Type StateType => typeof(TState);

    public abstract TState Initial { get; }

    IWorkflowState IWorkflow.Initial => Initial;

    public Decision Decide(IWorkflowState state, WorkflowEvent @event, Instant now)
    {
        ArgumentNullException.ThrowIfNull(@event);
        if (state is not TState typed)
        {
            throw new ArgumentException($"The {Kind} workflow takes {typeof(TState).Name}, not {state?.GetType().Name}.", nameof(state));
        }

        if (@event is TimerFired fired && !typed.Timers.IsCurrent(fired))
        {
            return Decision.Ignore($"Timer {fired.TimerId} with token {fired.Token} is no longer set.");
        }

        if (typed.IsFinal)
        {
            return Decision.Reject($"The {Kind} instance is {typed.Status} and takes no further event; {@event.GetType().Name} is not allowed.");
        }

        var decision = Decide(typed, @event, now);
        return decision.Outcome == Outcome.Applied ? WithScope(decision) : decision;
    }

    public ImmutableSortedDictionary<string, string> ScopeOf(IWorkflowState state) =>
        state is TState typed ? ScopeFacts(typed) : throw new ArgumentException($"The {Kind} workflow takes {typeof(TState).Name}, not {state?.GetType().Name}.", nameof(state));

    /// <summary>Decides an event on a state that is not final; a timer event here is always current.</summary>
    protected abstract Decision Decide(TState state, WorkflowEvent @event, Instant now);

    /// <summary>Refuses an event the instance does not take in its state, naming what it expects instead.</summary>
    protected static Decision RejectUnexpected(string subject, TState state, WorkflowEvent @event, string expected)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        return Decision.Reject($"{subject} is {state.Status} and expects {expected}; {@event.GetType().Name} is not allowed.");
    }

    /// <summary>
    /// Who a state is about, as facts named by <see cref="NoticeFactNames"/> (ordinal keys): enterprise, region,
    /// grade, review unit, certificate number, as far as the state knows them. Every notice of an applied
    /// decision gets the facts of the new state that it does not set itself.
    /// </summary>
    protected abstract ImmutableSortedDictionary<string, string> ScopeFacts(TState state);

    private Decision WithScope(Decision decision)
    {
        if (!decision.Effects.Any(e => e is Notify))
        {
            return decision;
        }

        var scope = ScopeFacts(decision.StateAs<TState>());
        return Decision.Apply(
            decision.State!,
            decision.Effects.Select(e => e is Notify notice ? notice with { Facts = NoticeFacts.WithScope(notice.Facts, scope) } : e));
    }
}
