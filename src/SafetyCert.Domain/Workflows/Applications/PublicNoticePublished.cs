using NodaTime;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>The regulator published the result on its website (RULES.md §4.7 [001 art.15]).</summary>
public sealed record PublicNoticePublished(LocalDate PublishedOn) : WorkflowEvent;
