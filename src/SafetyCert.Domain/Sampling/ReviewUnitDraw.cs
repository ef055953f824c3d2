using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Sampling;

/// <summary>
/// The random assignment of a review unit to an accepted application (RULES.md §4.2 [000 §3(2)1, §3(3)]):
/// excludes units with a consulting conflict [001 art.20(4)], [004 §3], a lapsed accreditation (§8), or no
/// approval for the grade or industry, then draws one of the rest with <see cref="SplitMix64"/>.
/// </summary>
public static class ReviewUnitDraw
{
    private const string ConsultingSource = "001 art.20(4); 004 §3";
    private const string AccreditationSource = "004 §5; RULES.md §8";
    private const string ApprovalSource = "000 §3(1)";

    /// <summary>
    /// Draws a review unit. Candidates are put in order of unit id before anything else, so the order they
    /// arrive in does not change the result; the same inputs and seed always give the same result.
    /// </summary>
    /// <param name="application">The accepted application.</param>
    /// <param name="candidates">The review units registered with the organization on the draw date.</param>
    /// <param name="seed">The recorded seed of this draw.</param>
    /// <param name="date">The draw date.</param>
    /// <exception cref="ArgumentException">
    /// A unit id appears twice or is blank, a consulting engagement ends before it starts, or the cycle starts
    /// after the draw date.
    /// </exception>
    public static ReviewUnitDrawResult Draw(
        ReviewDrawApplication application,
        IEnumerable<ReviewUnitCandidate> candidates,
        ulong seed,
        LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(candidates);
        if (application.CycleStart > date)
        {
            throw new ArgumentException(
                $"The cycle of application {application.ApplicationId} starts on {application.CycleStart:yyyy-MM-dd}, after the draw date {date:yyyy-MM-dd}.",
                nameof(application));
        }

        var snapshot = candidates.ToList();
        if (snapshot.Contains(null!))
        {
            throw new ArgumentException("A candidate review unit is null.", nameof(candidates));
        }

        var ordered = snapshot.OrderBy(c => c.UnitId, StringComparer.Ordinal).ToImmutableArray();
        Validate(ordered);

        var exclusions = ordered.SelectMany(c => ExclusionsOf(c, application, date)).ToImmutableArray();
        var excluded = exclusions.Select(e => e.UnitId).ToHashSet(StringComparer.Ordinal);
        var eligible = ordered.Select(c => c.UnitId).Where(id => !excluded.Contains(id)).ToImmutableArray();
        var chosen = eligible.IsEmpty ? null : eligible[new SplitMix64(seed).NextInt(eligible.Length)];
        return new ReviewUnitDrawResult(application, date, seed, ordered, exclusions, eligible, chosen);
    }

    private static void Validate(ImmutableArray<ReviewUnitCandidate> candidates)
    {
        for (var i = 0; i < candidates.Length; i++)
        {
            var unit = candidates[i];
            if (string.IsNullOrWhiteSpace(unit.UnitId))
            {
                throw new ArgumentException($"Candidate review unit '{unit.Name}' has no id.", nameof(candidates));
            }

            if (i > 0 && string.Equals(candidates[i - 1].UnitId, unit.UnitId, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Review unit {unit.UnitId} appears twice among the candidates.", nameof(candidates));
            }

            var backwards = unit.Consulting.FirstOrDefault(e => e.Until < e.From);
            if (backwards is not null)
            {
                throw new ArgumentException(
                    $"Review unit {unit.UnitId} has consulting for {backwards.EnterpriseId} ending {backwards.Until:yyyy-MM-dd} before it starts {backwards.From:yyyy-MM-dd}.",
                    nameof(candidates));
            }
        }
    }

    // Reasons are listed in enum order so a unit's exclusions always read the same way.
    private static IEnumerable<ReviewUnitExclusion> ExclusionsOf(ReviewUnitCandidate unit, ReviewDrawApplication application, LocalDate date)
    {
        var conflicts = unit.Consulting
            .Where(e => string.Equals(e.EnterpriseId, application.EnterpriseId, StringComparison.Ordinal)
                && e.From <= date
                && (e.Until is null || e.Until >= application.CycleStart))
            .OrderBy(e => e.From)
            .ThenBy(e => e.ExpertId, StringComparer.Ordinal);
        foreach (var engagement in conflicts)
        {
            var who = engagement.ExpertId is null ? $"Review unit {unit.UnitId}" : $"Expert {engagement.ExpertId} of review unit {unit.UnitId}";
            var until = engagement.Until is { } end ? $"to {end:yyyy-MM-dd}" : "and still does";
            yield return new ReviewUnitExclusion(
                unit.UnitId,
                ReviewUnitExclusionReason.ConsultingConflict,
                $"{who} consulted for enterprise {application.EnterpriseId} from {engagement.From:yyyy-MM-dd} {until}, inside the cycle that began {application.CycleStart:yyyy-MM-dd}.",
                ConsultingSource);
        }

        if (date > unit.AccreditedThrough)
        {
            yield return new ReviewUnitExclusion(
                unit.UnitId,
                ReviewUnitExclusionReason.AccreditationLapsed,
                $"The accreditation of review unit {unit.UnitId} lapsed after {unit.AccreditedThrough:yyyy-MM-dd}; the draw is on {date:yyyy-MM-dd}.",
                AccreditationSource);
        }

        if (!unit.ApprovedGrades.Contains(application.Grade))
        {
            yield return new ReviewUnitExclusion(
                unit.UnitId,
                ReviewUnitExclusionReason.GradeNotApproved,
                $"Review unit {unit.UnitId} is approved for {Describe(unit.ApprovedGrades.Order().Select(g => g.ToString()))}, not {application.Grade}.",
                ApprovalSource);
        }

        if (!unit.Industries.Contains(application.Industry, StringComparer.OrdinalIgnoreCase))
        {
            yield return new ReviewUnitExclusion(
                unit.UnitId,
                ReviewUnitExclusionReason.IndustryNotApproved,
                $"Review unit {unit.UnitId} is approved for the industries {Describe(unit.Industries)}, not {application.Industry}.",
                ApprovalSource);
        }
    }

    private static string Describe(IEnumerable<string> values)
    {
        var list = string.Join(", ", values);
        return list.Length == 0 ? "(none)" : list;
    }
}
