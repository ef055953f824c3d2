namespace SafetyCert.Benchmarks;

/// <summary>
/// How much of the full benchmark a run does (1 = a 1,000,000-row due index and a 20,000-reminder burst). The default
/// keeps <c>all</c> near 15 minutes on 2 cores; the platform's rate on Azurite (about 10 transitions/s) sets the rest.
/// </summary>
internal static class Scale
{
    public const double Default = 0.05;
}
