using System.Collections.Immutable;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Tests.Support;

/// <summary>Version 2: <c>Count</c> renamed <c>NoteCount</c>, and an <c>Escalated</c> state with its target.</summary>
public sealed record TicketStateV2(string Status, string Title, int NoteCount, string? EscalatedTo, TimerBook Timers) : IWorkflowState
{
    public bool IsFinal => Status == "Closed";

    public ImmutableArray<Deadline> Deadlines => [];
}
