using System.Collections.Immutable;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Sampling;

/// <summary>
/// The yearly random choice of new certificates that regulators verify (RULES.md §9): at least the profile's
/// percentage of each grade's new certificates [004 §8], chosen at random [003 §4(2)].
/// </summary>
public static class SpotCheckDraw
{
    /// <summary>
    /// Draws each grade's sample without replacement. Each grade's certificates are put in order of id, then
    /// the first <c>k</c> places of a Fisher–Yates shuffle are drawn, so the order certificates arrive in does
    /// not matter. Each grade draws from its own stream, derived from the seed and the grade, so one grade's
    /// population never changes another grade's sample.
    /// </summary>
    /// <param name="year">The year whose new certificates are sampled.</param>
    /// <param name="certificates">Every certificate issued in that year.</param>
    /// <param name="percentByGrade">The profile's <see cref="JurisdictionProfile.SpotCheckPercent"/>.</param>
    /// <param name="seed">The recorded seed of this draw.</param>
    /// <exception cref="ArgumentException">
    /// A certificate id is blank or appears twice, a certificate was issued in another year, a grade has
    /// certificates but no percentage, or a percentage lies outside 0–100.
    /// </exception>
    public static SpotCheckResult Draw(
        int year,
        IEnumerable<NewCertificate> certificates,
        Sourced<ImmutableSortedDictionary<Grade, int>> percentByGrade,
        ulong seed)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(percentByGrade);
        var percents = percentByGrade.Value;
        foreach (var (grade, percent) in percents)
        {
            if (percent is < 0 or > 100)
            {
                throw new ArgumentException($"The spot-check percent for {grade} is {percent}; it must lie between 0 and 100.", nameof(percentByGrade));
            }
        }

        var all = certificates.ToList();
        Validate(year, all, percents);

        var samples = percents
            .Select(p => Sample(p.Key, p.Value, all.Where(c => c.Grade == p.Key), seed))
            .ToImmutableArray();
        return new SpotCheckResult(year, seed, percentByGrade.Source, samples);
    }

    /// <summary>The smallest whole number of certificates that is at least <paramref name="percent"/> % of the population.</summary>
    public static int SampleSize(int population, int percent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        return (int)(((long)population * percent + 99) / 100);
    }

    private static void Validate(int year, List<NewCertificate> certificates, ImmutableSortedDictionary<Grade, int> percents)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var certificate in certificates)
        {
            if (certificate is null || string.IsNullOrWhiteSpace(certificate.CertificateId))
            {
                throw new ArgumentException("A certificate in the spot-check population is null or has no id.", nameof(certificates));
            }

            if (!seen.Add(certificate.CertificateId))
            {
                throw new ArgumentException($"Certificate {certificate.CertificateId} appears twice in the spot-check population.", nameof(certificates));
            }

            if (certificate.IssuedOn.Year != year)
            {
                throw new ArgumentException(
                    $"Certificate {certificate.CertificateId} was issued on {certificate.IssuedOn:yyyy-MM-dd}, not in {year}.", nameof(certificates));
            }

            if (!percents.ContainsKey(certificate.Grade))
            {
                throw new ArgumentException(
                    $"Certificate {certificate.CertificateId} is {certificate.Grade}, for which the profile sets no spot-check percent.", nameof(certificates));
            }
        }
    }

    private static SpotCheckSample Sample(Grade grade, int percent, IEnumerable<NewCertificate> population, ulong seed)
    {
        var ids = population.Select(c => c.CertificateId).Order(StringComparer.Ordinal).ToArray();
        var size = SampleSize(ids.Length, percent);
        var random = new SplitMix64(SplitMix64.Mix(seed ^ (ulong)grade));
        for (var i = 0; i < size; i++)
        {
            var j = i + random.NextInt(ids.Length - i);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }

        var chosen = ids.Take(size).Order(StringComparer.Ordinal).ToImmutableArray();
        return new SpotCheckSample(grade, ids.Length, percent, size, chosen);
    }
}
