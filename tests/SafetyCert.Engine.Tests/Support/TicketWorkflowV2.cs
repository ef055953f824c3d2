using System.Collections.Immutable;
using System.Text.Json.Nodes;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Tests.Support;

/// <summary>The next version of <see cref="TicketWorkflow"/>: schema 2, an extra Escalated state.</summary>
public sealed class TicketWorkflowV2 : Workflow<TicketStateV2>
{
    public const int SchemaVersion = 2;

    public override string Kind => TicketWorkflow.TicketKind;

    public override TicketStateV2 Initial { get; } = new("New", "", 0, null, TimerBook.Empty);

    /// <summary>Reads a version 1 state: the note counter moved from <c>count</c> to <c>noteCount</c>.</summary>
    public static JsonObject Upgrade(JsonObject state, int storedVersion)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (storedVersion == 1)
        {
            state["noteCount"] = state["count"]?.DeepClone() ?? 0;
            state.Remove("count");
        }

        return state;
    }

    protected override Decision Decide(TicketStateV2 state, WorkflowEvent @event, Instant now)
    {
        var effects = new List<Effect>();
        switch (@event)
        {
            case TicketOpened opened when state.Status == "New":
                return Decision.Apply(state with { Status = "Open", Title = opened.Title });
            case Noted:
                return Decision.Apply(state with { NoteCount = state.NoteCount + 1 });
            case Escalated escalated when state.Status is "Open" or "Reminded":
                effects.Add(TicketWorkflow.Notice("ticket-escalated", now));
                return Decision.Apply(state with { Status = "Escalated", EscalatedTo = escalated.To }, effects);
            case TimerFired fired:
                return Decision.Apply(state with { Status = state.Status == "Escalated" ? "Escalated" : "Reminded", Timers = state.Timers.Fired(fired) });
            case TicketClosed:
                return Decision.Apply(state with { Status = "Closed", Timers = state.Timers.CancelAll(effects) }, effects);
            default:
                return Decision.Reject($"{@event.GetType().Name} is not allowed in {state.Status}.");
        }
    }

    // No party receives this workflow's notices through contacts, so it adds no scope facts.
    protected override ImmutableSortedDictionary<string, string> ScopeFacts(TicketStateV2 state) =>
        ImmutableSortedDictionary<string, string>.Empty;
}
