namespace SafetyCert.Benchmarks;

/// <summary>One timed round: how many operations in how long, and the slowest Azurite probe that overlapped it.</summary>
internal sealed record Round(string Label, int Count, double Seconds, TimeSpan ProbeMax)
{
    /// <summary>A probe slower than this means Azurite stalled (DESIGN.md: its queue clean-up freezes all services).</summary>
    public static readonly TimeSpan StallThreshold = TimeSpan.FromSeconds(1);

    public double Rate => Count / Seconds;

    public bool Stalled => ProbeMax > StallThreshold;
}
