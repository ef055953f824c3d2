using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Tests.Workflows;

public class WorkflowScopeTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 3, 2, 2, 0);

    [Fact]
    public void Scope_facts_of_the_new_state_fill_what_a_notice_lacks_and_never_replace_its_own()
    {
        var decision = new Echo().Decide(new EchoState("640104"), new Say(NoticeFacts.Of(("enterpriseId", "own"), ("grade", ""))), Now);

        var notice = Assert.IsType<Notify>(Assert.Single(decision.Effects));
        Assert.Equal(
            NoticeFacts.Of(("enterpriseId", "own"), ("grade", "Level2"), ("regionCode", "640105")),
            notice.Facts);
        Assert.Same(StringComparer.Ordinal, notice.Facts.KeyComparer);
    }

    [Fact]
    public void A_rejected_decision_is_left_as_it_is()
    {
        var decision = new Echo().Decide(new EchoState(""), new Say(NoticeFacts.Of()), Now);

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Empty(decision.Effects);
    }

    private sealed record Say(ImmutableSortedDictionary<string, string> Facts) : WorkflowEvent;

    private sealed record EchoState(string RegionCode) : IWorkflowState
    {
        public string Status => "Open";

        public bool IsFinal => false;

        public ImmutableArray<Deadline> Deadlines => [];

        public TimerBook Timers => TimerBook.Empty;
    }

    // Moves to the next region so the test sees that the scope comes from the new state, not the old one.
    private sealed class Echo : Workflow<EchoState>
    {
        public override string Kind => "echo";

        public override EchoState Initial { get; } = new("640104");

        protected override Decision Decide(EchoState state, WorkflowEvent @event, Instant now) =>
            state.RegionCode.Length == 0
                ? Decision.Reject("no region")
                : Decision.Apply(
                    state with { RegionCode = "640105" },
                    new Notify("echo", Party.Enterprise, new LocalDate(2026, 3, 2), NoticeClass.Routine, "test", ((Say)@event).Facts));

        protected override ImmutableSortedDictionary<string, string> ScopeFacts(EchoState state) =>
            NoticeFacts.Of(("enterpriseId", "from-state"), ("grade", "Level2"), ("regionCode", state.RegionCode));
    }
}
