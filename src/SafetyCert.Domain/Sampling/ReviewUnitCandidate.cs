using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Sampling;

/// <summary>
/// A review unit as the review organization's register shows it when a draw is made: what it is approved
/// for, until when, and the consulting it and its experts have done.
/// </summary>
/// <param name="UnitId">Stable id of the unit; the draw orders candidates by it.</param>
/// <param name="Name">Name for people reading the draw record.</param>
/// <param name="ApprovedGrades">Grades the unit is approved to review (RULES.md §8 [000 §3(1)]).</param>
/// <param name="Industries">Industries (specialties) the unit is approved for, e.g. <c>non-coal-mine</c>.</param>
/// <param name="AccreditedThrough">Last day of the current accreditation (RULES.md §8 [004 §5]).</param>
/// <param name="Consulting">Consulting by the unit and its experts, for any enterprise.</param>
public sealed record ReviewUnitCandidate(
    string UnitId,
    string Name,
    ImmutableArray<Grade> ApprovedGrades,
    ImmutableArray<string> Industries,
    LocalDate AccreditedThrough,
    ImmutableArray<ConsultingEngagement> Consulting);
