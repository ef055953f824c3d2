using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>A submitted yearly self-assessment (RULES.md §2), kept for eligibility and fast-track renewal.</summary>
internal sealed record SelfAssessmentReport(int Year, LocalDate SubmittedOn, decimal Score, Grade? SelfAssessedGrade, bool Posted, string ReportDocumentId);
