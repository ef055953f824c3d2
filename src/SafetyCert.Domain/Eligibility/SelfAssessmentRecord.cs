namespace SafetyCert.Domain.Eligibility;

/// <summary>One year's self-assessment report: submitted [001 art.3] and posted inside the firm [001 art.8].</summary>
public sealed record SelfAssessmentRecord(int Year, bool Submitted, bool Posted);
