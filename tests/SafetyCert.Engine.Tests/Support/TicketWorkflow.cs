using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Tests.Support;

/// <summary>A small workflow that produces every kind of effect: timers, notices, starts and signals.</summary>
public sealed class TicketWorkflow : Workflow<TicketState>
{
    public const string TicketKind = "ticket";

    public override string Kind => TicketKind;

    public override TicketState Initial { get; } = new("New", "", 0, TimerBook.Empty);

    public static Notify Notice(string kind, Instant now) =>
        new(kind, Party.Enterprise, now.InUtc().Date, NoticeClass.Routine, "test", ImmutableSortedDictionary<string, string>.Empty);

    protected override Decision Decide(TicketState state, WorkflowEvent @event, Instant now)
    {
        var effects = new List<Effect>();
        switch (@event)
        {
            case TicketOpened opened when state.Status == "New":
                var timers = opened.ReminderAt is { } at ? state.Timers.Set("reminder", at, "remind", effects) : state.Timers;
                effects.Add(Notice("ticket-opened", now));
                return Decision.Apply(state with { Status = "Open", Title = opened.Title, Timers = timers }, effects);
            case TicketOpened:
                return Decision.Ignore("Already open.");
            case Noted:
                return Decision.Apply(state with { Count = state.Count + 1 });
            case ReminderMoved moved:
                return Decision.Apply(state with { Timers = state.Timers.Set("reminder", moved.At, "remind", effects) }, effects);
            case ReminderCancelled:
                return Decision.Apply(state with { Timers = state.Timers.Cancel("reminder", effects) }, effects);
            case TimerFired fired:
                effects.Add(Notice("ticket-reminder", now));
                return Decision.Apply(state with { Status = "Reminded", Timers = state.Timers.Fired(fired) }, effects);
            case ChildSpawned child:
                effects.Add(new StartWorkflow(TicketKind, child.ChildId, new TicketOpened($"child of {state.Title}")));
                effects.Add(new SignalWorkflow(TicketKind, child.ChildId, new Noted("from parent")));
                return Decision.Apply(state, effects);
            case ManyNotices many:
                return Decision.Apply(state, Enumerable.Range(0, many.Count).Select(i => (Effect)Notice($"n{i}", now)));
            case Exploded:
                throw new InvalidOperationException("The test decider exploded.");
            case Forbidden:
                return Decision.Reject("Forbidden is never allowed.");
            case TicketClosed:
                var closed = state.Timers.CancelAll(effects);
                return Decision.Apply(state with { Status = "Closed", Timers = closed }, effects);
            default:
                return Decision.Reject($"{@event.GetType().Name} is not allowed in {state.Status}.");
        }
    }

    // No party receives this workflow's notices through contacts, so it adds no scope facts.
    protected override ImmutableSortedDictionary<string, string> ScopeFacts(TicketState state) =>
        ImmutableSortedDictionary<string, string>.Empty;
}
