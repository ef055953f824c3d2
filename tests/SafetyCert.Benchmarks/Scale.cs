namespace SafetyCert.Benchmarks;

/// <summary>How much of the full benchmark a run does; the default keeps <c>all</c> within about 15 minutes on 2 cores.</summary>
internal static class Scale
{
    public const double Default = 0.1;
}
