using NodaTime;

namespace SafetyCert.Domain.Workflows.Accreditations;

/// <summary>
/// The unit passed re-accreditation on <paramref name="On"/> [004 §5]. Before expiry the new term follows
/// the old one without a gap; after a lapse it starts on the day of re-accreditation.
/// </summary>
public sealed record Reaccredited(LocalDate On) : WorkflowEvent;
