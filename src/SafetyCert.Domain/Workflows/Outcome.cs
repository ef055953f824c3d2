namespace SafetyCert.Domain.Workflows;

/// <summary>What became of an event.</summary>
public enum Outcome
{
    /// <summary>The event moved the instance: a new state and effects.</summary>
    Applied,

    /// <summary>The event changes nothing and is harmless: a stale timer, a repeated fact.</summary>
    Ignored,

    /// <summary>The event is not allowed now; the reason says why. Nothing changes.</summary>
    Rejected,
}
