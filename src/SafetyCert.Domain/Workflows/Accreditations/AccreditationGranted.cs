using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Accreditations;

/// <summary>
/// The regulator accredited a review unit (RULES.md §8 [004 §5]) for the profile's <c>AccreditationYears</c>
/// from <paramref name="On"/>. Starts the accreditation workflow, instance id = unit id.
/// </summary>
/// <param name="UnitId">The review unit.</param>
/// <param name="RegionCode">The six-digit region code of the unit's seat.</param>
/// <param name="Grade">The highest grade the unit may review; the regulator for that grade accredited it and is told of its term.</param>
/// <param name="ProfileId">The jurisdiction profile that sets the term.</param>
/// <param name="On">The first day of the term.</param>
public sealed record AccreditationGranted(string UnitId, string RegionCode, Grade Grade, string ProfileId, LocalDate On) : WorkflowEvent;
