namespace SafetyCert.Domain.Workflows.SelfAssessments;

/// <summary>
/// Starts one enterprise's self-assessment year (RULES.md §2 [001 art.3]). The instance id is conventionally
/// <c>{EnterpriseId}/{Year}</c>; the profile gives the due date and reminder dates.
/// </summary>
public sealed record SelfAssessmentYearOpened(string EnterpriseId, int Year, string ProfileId) : WorkflowEvent;
