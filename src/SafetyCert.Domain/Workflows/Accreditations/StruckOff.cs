using NodaTime;

namespace SafetyCert.Domain.Workflows.Accreditations;

/// <summary>The unit was struck off, e.g. for a false report or a review without a site visit [004 §5]. Final.</summary>
public sealed record StruckOff(LocalDate On, string Reason) : WorkflowEvent;
