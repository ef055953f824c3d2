using NodaTime;

namespace SafetyCert.Domain.Workflows.Accreditations;

/// <summary>
/// The regulator accredited a review unit (RULES.md §8 [004 §5]) for the profile's <c>AccreditationYears</c>
/// from <paramref name="On"/>. Starts the accreditation workflow, instance id = unit id.
/// </summary>
public sealed record AccreditationGranted(string UnitId, string ProfileId, LocalDate On) : WorkflowEvent;
