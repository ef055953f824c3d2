using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Workflows;

/// <summary>
/// A workflow is a pure decider: (state, event, now) → decision. It reads no clock, does no I/O and
/// draws no random numbers; everything it needs arrives as arguments or as data it was built with.
/// </summary>
public interface IWorkflow
{
    /// <summary>The workflow kind, e.g. <c>application</c>; part of every instance's identity.</summary>
    string Kind { get; }

    /// <summary>The state type, which the engine stores as JSON.</summary>
    Type StateType { get; }

    /// <summary>The state of an instance that has seen no event yet.</summary>
    IWorkflowState Initial { get; }

    /// <summary>Decides one event.</summary>
    Decision Decide(IWorkflowState state, WorkflowEvent @event, Instant now);

    /// <summary>Who a state is about (enterprise, region, grade, …), as the facts named by <see cref="NoticeFactNames"/>.</summary>
    ImmutableSortedDictionary<string, string> ScopeOf(IWorkflowState state) => ImmutableSortedDictionary<string, string>.Empty;
}
