using System.Collections.Immutable;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Sampling;

/// <summary>
/// The record of one year's spot-check draw (RULES.md §9 [004 §8], [003 §4(2)]): the seed and percentages
/// used and, for every grade, the population and the certificates chosen.
/// </summary>
/// <param name="Year">The year whose new certificates were sampled.</param>
/// <param name="Seed">The recorded seed; the same certificates, percentages and seed give the same samples.</param>
/// <param name="PercentSource">Where the percentages come from, as the profile states it.</param>
/// <param name="Samples">One sample per grade the percentages name, in grade order.</param>
public sealed record SpotCheckResult(int Year, ulong Seed, string PercentSource, ImmutableArray<SpotCheckSample> Samples)
{
    /// <summary>The sample of one grade.</summary>
    /// <exception cref="KeyNotFoundException">The percentages named no such grade.</exception>
    public SpotCheckSample For(Grade grade) =>
        Samples.FirstOrDefault(s => s.Grade == grade) ?? throw new KeyNotFoundException($"The {Year} spot check has no sample for {grade}.");
}
