using SafetyCert.Domain.Workflows.Applications;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>The Chinese title of each deadline a workflow sets, by its name; an unknown name shows as itself.</summary>
internal static class DeadlineTitles
{
    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        [ApplicationWorkflow.MaterialReviewDeadline] = "申请材料审查期限",
        [ApplicationWorkflow.ReviewDeadline] = "现场评审期限",
        [ApplicationWorkflow.PublicNoticeDeadline] = "评审结果公示截止",
        [ApplicationWorkflow.PartialReReviewDeadline] = "整改后重新申请（仅复核整改项）期限",
        ["renewal-application"] = "证书有效期届满（复评申请截止）",
        ["follow-up-visit"] = "评审单位跟踪回访期限",
        ["self-assessment-report"] = "年度自评报告提交期限",
        ["revocation-ban"] = "撤销后不得申请期届满",
        ["remediation"] = "整改期限",
        ["reaccreditation"] = "评审单位资质有效期届满",
    };

    public static string Of(string deadlineName) => Titles.TryGetValue(deadlineName, out var title) ? title : deadlineName;
}
