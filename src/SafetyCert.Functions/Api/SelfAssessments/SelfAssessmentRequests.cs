using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.SelfAssessments;

/// <summary>Opens an enterprise's self-assessment year (RULES.md §2); the grade defaults to the one the enterprise holds.</summary>
internal sealed record OpenSelfAssessmentRequest(Grade? Grade = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (Grade is { } grade && !Enum.IsDefined(grade))
        {
            yield return ("grade", new("等级须为 Level1（一级）、Level2（二级）、Level3（三级）或 SmallMicro（小微）。", "Level1, Level2, Level3 or SmallMicro."));
        }
    }
}

/// <summary>The yearly report with the facts of [001 annex 1]; the report itself is an uploaded document of kind <c>self-assessment-reports</c>.</summary>
internal sealed record SubmitSelfAssessmentRequest(
    decimal Score, Grade? SelfAssessedGrade, bool PostedInternally, bool AppliesForReview, string ReportDocumentId, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (Score is < 0 or > 100)
        {
            yield return ("score", new($"得分须在 0 到 100 之间；{Score} 不在此范围内。", $"A score lies between 0 and 100; {Score} does not."));
        }

        if (SelfAssessedGrade is { } grade && !Enum.IsDefined(grade))
        {
            yield return ("selfAssessedGrade", new("自评等级须为 Level1、Level2、Level3、SmallMicro，未达到任何等级时留空。", "Level1, Level2, Level3, SmallMicro or null when no grade is reached."));
        }

        if (string.IsNullOrWhiteSpace(ReportDocumentId))
        {
            yield return ("reportDocumentId", new("须先上传自评报告并填写其编号。", "The id of the uploaded report is required.", Rule: "001 art.7"));
        }
    }
}
