using System.Collections.Immutable;

namespace SafetyCert.Domain.Workflows;

/// <summary>What every workflow state shows to the engine's status query.</summary>
public interface IWorkflowState
{
    /// <summary>The state's name, e.g. <c>MaterialReview</c>.</summary>
    string Status { get; }

    /// <summary>True once the instance can take no further event.</summary>
    bool IsFinal { get; }

    /// <summary>The deadlines now running.</summary>
    ImmutableArray<Deadline> Deadlines { get; }

    /// <summary>The timers now set, with their tokens.</summary>
    TimerBook Timers { get; }
}
