using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.SelfAssessments;

/// <summary>
/// The enterprise submitted its yearly self-assessment report with the facts of [001 annex 1]: score (0–100),
/// self-assessed grade (null when it reaches none), whether it was posted internally [001 art.8], and
/// whether the enterprise applies for review [001 art.9].
/// </summary>
public sealed record SelfAssessmentSubmitted(
    LocalDate On,
    decimal Score,
    Grade? SelfAssessedGrade,
    bool PostedInternally,
    bool AppliesForReview,
    string ReportDocumentId) : WorkflowEvent;
