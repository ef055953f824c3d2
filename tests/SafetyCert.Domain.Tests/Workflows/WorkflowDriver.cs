using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Tests.Workflows;

/// <summary>
/// Drives one instance of a workflow the way the engine does: keeps the state of applied decisions and
/// fires timers at their due instant with the token they were set with.
/// </summary>
internal sealed class WorkflowDriver<TState>(Workflow<TState> workflow)
    where TState : class, IWorkflowState
{
    public TState State { get; private set; } = workflow.Initial;

    public List<Decision> Applied { get; } = [];

    /// <summary>The state each applied decision was taken in, one per entry of <see cref="Applied"/>.</summary>
    public List<TState> Before { get; } = [];

    public static WorkingDayCalendar Calendar => WorkingDayCalendar.China;

    public Decision Send(WorkflowEvent @event, Instant now)
    {
        var decision = workflow.Decide(State, @event, now);
        if (decision.Outcome == Outcome.Applied)
        {
            Before.Add(State);
            State = decision.StateAs<TState>();
            Applied.Add(decision);
        }

        return decision;
    }

    public Decision Send(WorkflowEvent @event, LocalDate on) => Send(@event, ShanghaiTime.At(on, new LocalTime(10, 0)));

    /// <summary>Fires the timer now set under an id, at its due instant.</summary>
    public Decision Fire(string timerId)
    {
        var timer = State.Timers.Active.TryGetValue(timerId, out var set)
            ? set
            : throw new InvalidOperationException($"No timer {timerId} is set; set: {string.Join(", ", State.Timers.Active.Keys)}.");
        return Send(new TimerFired(timer.Id, timer.Token), timer.DueAt);
    }

    /// <summary>Fires every timer due at or before an instant, earliest first, including timers those firings set.</summary>
    public List<Decision> RunUntil(Instant until)
    {
        var decisions = new List<Decision>();
        while (!State.IsFinal && State.Timers.Active.Values.Where(t => t.DueAt <= until).OrderBy(t => t.DueAt).FirstOrDefault() is { } next)
        {
            decisions.Add(Fire(next.Id));
        }

        return decisions;
    }
}
