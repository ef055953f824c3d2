using System.Collections.Immutable;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Engine.Tests.Support;

/// <summary>Version 1 of the test workflow's state: <c>Count</c> notes.</summary>
public sealed record TicketState(string Status, string Title, int Count, TimerBook Timers) : IWorkflowState
{
    public bool IsFinal => Status == "Closed";

    public ImmutableArray<Deadline> Deadlines => [];
}
