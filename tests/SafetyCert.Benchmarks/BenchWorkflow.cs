using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>A counter: the cheapest decision, so the figures measure the engine and storage.</summary>
internal sealed class BenchWorkflow : Workflow<BenchWorkflow.State>
{
    public const string BenchKind = "bench";

    public override string Kind => BenchKind;

    public override State Initial { get; } = new("Open", 0, TimerBook.Empty);

    protected override Decision Decide(State state, WorkflowEvent @event, Instant now) =>
        @event is Counted ? Decision.Apply(state with { Count = state.Count + 1 }) : Decision.Reject("Only Counted.");

    internal sealed record State(string Status, int Count, TimerBook Timers) : IWorkflowState
    {
        public bool IsFinal => false;

        public ImmutableArray<Deadline> Deadlines => [];
    }

    // No party receives this workflow's notices through contacts, so it adds no scope facts.
    protected override ImmutableSortedDictionary<string, string> ScopeFacts(BenchWorkflow.State state) =>
        ImmutableSortedDictionary<string, string>.Empty;
}
