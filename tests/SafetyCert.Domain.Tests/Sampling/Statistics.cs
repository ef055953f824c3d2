namespace SafetyCert.Domain.Tests.Sampling;

/// <summary>Pearson's chi-square statistic against equal expected counts.</summary>
internal static class Statistics
{
    public static double ChiSquare(IReadOnlyCollection<int> counts)
    {
        var expected = (double)counts.Sum() / counts.Count;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }
}
