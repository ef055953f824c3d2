using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.SelfAssessments;

/// <summary>
/// Starts one enterprise's self-assessment year (RULES.md §2 [001 art.3]). The instance id is conventionally
/// <c>{EnterpriseId}/{Year}</c>; the profile gives the due date and reminder dates. <paramref name="RegionCode"/>
/// and <paramref name="Grade"/> (the grade the enterprise holds or works towards) say which regulator keeps
/// the enterprise in its ledger and is told of a missed report.
/// </summary>
public sealed record SelfAssessmentYearOpened(string EnterpriseId, string RegionCode, Grade Grade, int Year, string ProfileId) : WorkflowEvent;
