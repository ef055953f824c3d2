using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// The review unit or the organization found the enterprise does not meet the grade. The enterprise may fix the
/// findings and reapply; inside the profile's window the new review covers only the fixed items
/// (RULES.md §4.9 [001 art.15]).
/// </summary>
/// <param name="FailedOn">The date of the failing conclusion.</param>
/// <param name="FailedBy"><see cref="Party.ReviewUnit"/> or <see cref="Party.ReviewOrganization"/>.</param>
/// <param name="Findings">What the enterprise must fix.</param>
public sealed record ReviewFailed(LocalDate FailedOn, Party FailedBy, string Findings) : WorkflowEvent;
