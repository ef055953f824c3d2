using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>A workflow over one state type; timers it set are checked against their tokens before it sees them.</summary>
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

        return Decide(typed, @event, now);
    }

    /// <summary>Decides an event on a state that is not final; a timer event here is always current.</summary>
    protected abstract Decision Decide(TState state, WorkflowEvent @event, Instant now);
}
