namespace SafetyCert.Engine.Workflows;

/// <summary>Tuning of the engine; the defaults suit production.</summary>
public sealed class WorkflowEngineOptions
{
    /// <summary>How often a transition that lost an ETag race is decided again before giving up.</summary>
    public int MaxConflictRetries { get; set; } = 50;

    /// <summary>
    /// How long after an hour ends its timer partition may still receive rows (a slow outbox, clock skew);
    /// the sweeper's watermark passes an hour only after this.
    /// </summary>
    public TimeSpan TimerGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The most past hours one sweep reads when catching up after downtime; later sweeps go on.</summary>
    public int MaxCatchUpHours { get; set; } = 168;
}
