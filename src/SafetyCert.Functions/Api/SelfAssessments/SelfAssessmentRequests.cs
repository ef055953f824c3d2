using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.SelfAssessments;

/// <summary>Opens an enterprise's self-assessment year (RULES.md §2); the grade defaults to the one the enterprise holds.</summary>
internal sealed record OpenSelfAssessmentRequest(Grade? Grade = null) : IApiRequest
{
    public IEnumerable<(string Field, string Error)> Problems()
    {
        if (Grade is { } grade && !Enum.IsDefined(grade))
        {
            yield return ("grade", "Level1, Level2, Level3 or SmallMicro.");
        }
    }
}

/// <summary>The yearly report with the facts of [001 annex 1]; the report itself is an uploaded document of kind <c>self-assessment-reports</c>.</summary>
internal sealed record SubmitSelfAssessmentRequest(
    decimal Score, Grade? SelfAssessedGrade, bool PostedInternally, bool AppliesForReview, string ReportDocumentId, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, string Error)> Problems()
    {
        if (Score is < 0 or > 100)
        {
            yield return ("score", $"A score lies between 0 and 100; {Score} does not.");
        }

        if (SelfAssessedGrade is { } grade && !Enum.IsDefined(grade))
        {
            yield return ("selfAssessedGrade", "Level1, Level2, Level3, SmallMicro or null when no grade is reached.");
        }

        if (string.IsNullOrWhiteSpace(ReportDocumentId))
        {
            yield return ("reportDocumentId", "The id of the uploaded report is required [001 art.7].");
        }
    }
}
