namespace SafetyCert.Benchmarks;

/// <summary>
/// One timed round: how many operations in how long, the slowest Azurite probe that overlapped it, and how many of its
/// seconds Azurite spent stalled.
/// </summary>
internal sealed record Round(string Label, int Count, double Seconds, TimeSpan ProbeMax, double StalledSeconds)
{
    /// <summary>A probe slower than this means Azurite stalled (DESIGN.md: its queue clean-up freezes all services).</summary>
    public static readonly TimeSpan StallThreshold = TimeSpan.FromSeconds(1);

    public double Rate => Count / Seconds;

    /// <summary>The rate over the seconds Azurite was answering: an estimate for a round every attempt of which stalled.</summary>
    public double RateOutsideStalls => Count / Math.Max(Seconds - StalledSeconds, 0.001);

    public bool Stalled => ProbeMax > StallThreshold;
}
