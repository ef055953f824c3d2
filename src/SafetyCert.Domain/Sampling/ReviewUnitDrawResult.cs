using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Sampling;

/// <summary>
/// The record of one random review-unit assignment: everything needed to replay it and to show why each
/// unit was or was not in the draw (RULES.md §4.2 [000 §3(2)1, §3(3)]).
/// </summary>
/// <param name="Application">The facts the draw was made for.</param>
/// <param name="Date">The draw date, against which accreditation was checked.</param>
/// <param name="Seed">The recorded seed; the same inputs and seed give the same result.</param>
/// <param name="Candidates">Every candidate unit as it stood, ordered by unit id.</param>
/// <param name="Exclusions">Every exclusion, ordered by unit id then reason; a unit may have several.</param>
/// <param name="Eligible">Ids of the units without exclusions, ordered by ordinal comparison of id.</param>
/// <param name="ChosenUnitId">The unit drawn, or null when no unit was eligible.</param>
public sealed record ReviewUnitDrawResult(
    ReviewDrawApplication Application,
    LocalDate Date,
    ulong Seed,
    ImmutableArray<ReviewUnitCandidate> Candidates,
    ImmutableArray<ReviewUnitExclusion> Exclusions,
    ImmutableArray<string> Eligible,
    string? ChosenUnitId)
{
    /// <summary>True when every candidate was excluded, so no unit could be drawn; <see cref="Exclusions"/> says why.</summary>
    public bool NoEligibleUnit => ChosenUnitId is null;
}
