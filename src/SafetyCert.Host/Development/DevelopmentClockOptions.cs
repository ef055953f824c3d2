namespace SafetyCert.Host.Development;

/// <summary>The development clock's start (section <c>DevClock</c>): how far ahead of real time, and how fast.</summary>
internal sealed class DevelopmentClockOptions
{
    public const string Section = "DevClock";

    /// <summary>An ISO-8601 period (<c>P30D</c>, <c>P1Y2M</c>) the clock starts ahead of real time, counted in Beijing time.</summary>
    public string? Offset { get; set; }

    /// <summary>
    /// An ISO-8601 instant the clock starts at the earliest: where a previous run left it, since the stored
    /// workflows and the sweep's watermark already live at that time.
    /// </summary>
    public string? NotBefore { get; set; }

    /// <summary>How many times faster than real time the clock runs; 43200 makes a month pass per minute.</summary>
    public double Speed { get; set; } = 1;
}
