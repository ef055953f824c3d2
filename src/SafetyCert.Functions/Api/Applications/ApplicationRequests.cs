using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.Applications;

/// <summary>
/// An enterprise applies for a grade (RULES.md §3); the declarations feed the eligibility check. A renewal also declares
/// what only the enterprise knows for the fast track (RULES.md §6 [001 art.17(6)–(7)]); the organization confirms it.
/// </summary>
internal sealed record SubmitApplicationRequest(
    string EnterpriseId,
    ApplicationKind? Kind,
    Grade? Grade,
    LocalDate? SystemRunningSince,
    bool PostAndProfessionalStandardizationDone,
    bool DualPreventionInPlace,
    string? PreviousCertificateId = null,
    string? PartialReReviewOf = null,
    bool SitesRebuiltExpandedOrRelocated = false,
    bool LicenceScopeWidened = false,
    bool WorkingEnvironmentChangedMarkedly = false) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
        if (RequestLimits.TooLong(EnterpriseId, "enterpriseId", RequestLimits.Id) is { } tooLong1)
        {
            yield return tooLong1;
        }

        if (RequestLimits.TooLong(PreviousCertificateId, "previousCertificateId", RequestLimits.Id) is { } tooLong2)
        {
            yield return tooLong2;
        }

        if (RequestLimits.TooLong(PartialReReviewOf, "partialReReviewOf", RequestLimits.Id) is { } tooLong3)
        {
            yield return tooLong3;
        }

        if (string.IsNullOrWhiteSpace(EnterpriseId))
        {
            yield return ("enterpriseId", new("申请企业的编号为必填项。", "The applicant's id is required."));
        }

        // Required: an omitted kind or grade is not taken to mean the first one.
        if (Kind is not { } kind || !Enum.IsDefined(kind))
        {
            yield return ("kind", new("申请类型为必填项：Initial（初评）、Renewal（复评）或 Upgrade（升级）。", "Required: Initial, Renewal or Upgrade."));
        }

        if (Grade is not { } grade || !Enum.IsDefined(grade))
        {
            yield return ("grade", new("申请等级为必填项：Level1（一级）、Level2（二级）、Level3（三级）或 SmallMicro（小微）。", "Required: Level1, Level2, Level3 or SmallMicro."));
        }

        if (Kind is ApplicationKind.Renewal or ApplicationKind.Upgrade && string.IsNullOrWhiteSpace(PreviousCertificateId))
        {
            yield return ("previousCertificateId", new("复评或升级申请须写明所替换的证书。", "A renewal or upgrade names the certificate it replaces."));
        }
    }
}

/// <summary>A step that only needs its date; today (Beijing time) when omitted.</summary>
internal sealed record StepRequest(LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems() => [];
}

/// <summary>The review organization's material review (RULES.md §4.1): rejection needs written reasons.</summary>
internal sealed record MaterialReviewRequest(bool Accepted, string? Reasons = null, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooLong(Reasons, "reasons", RequestLimits.Text) is { } tooLong4)
        {
            yield return tooLong4;
        }

        if (!Accepted && string.IsNullOrWhiteSpace(Reasons))
        {
            yield return ("reasons", new("不予受理须书面说明理由。", "A rejection is in writing with reasons.", Rule: "001 art.11"));
        }
    }
}

/// <summary>The review unit's report (RULES.md §4.3–§4.4).</summary>
internal sealed record ReviewReportRequest(
    bool Passed, string Findings, string? NonBlockingFindings = null, LocalDate? RemediationDeadline = null, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooLong(Findings, "findings", RequestLimits.Text) is { } tooLong5)
        {
            yield return tooLong5;
        }

        if (RequestLimits.TooLong(NonBlockingFindings, "nonBlockingFindings", RequestLimits.Text) is { } tooLong6)
        {
            yield return tooLong6;
        }

        if (string.IsNullOrWhiteSpace(Findings))
        {
            yield return ("findings", new("评审报告的评审意见为必填项。", "The report's findings are required."));
        }

        if (!string.IsNullOrWhiteSpace(NonBlockingFindings) && RemediationDeadline is null)
        {
            yield return ("remediationDeadline", new("有不影响定级的问题时须写明整改期限。", "Non-blocking findings need a remediation deadline."));
        }
    }
}

/// <summary>A failing conclusion by the review unit or organization (RULES.md §4.9).</summary>
internal sealed record ReviewFailureRequest(string Findings, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooLong(Findings, "findings", RequestLimits.Text) is { } tooLong7)
        {
            yield return tooLong7;
        }

        if (string.IsNullOrWhiteSpace(Findings))
        {
            yield return ("findings", new("须写明企业需要整改的内容。", "What the enterprise must fix is required."));
        }
    }
}

/// <summary>The organization's audit of the report (RULES.md §4.5).</summary>
internal sealed record AuditRequest(bool Forwarded, string? Reasons = null, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooLong(Reasons, "reasons", RequestLimits.Text) is { } tooLong8)
        {
            yield return tooLong8;
        }

        if (!Forwarded && string.IsNullOrWhiteSpace(Reasons))
        {
            yield return ("reasons", new("退回评审报告须书面说明理由。", "A returned report carries written reasons.", Rule: "000 §3(2)2"));
        }
    }
}

/// <summary>An objection to the published result (RULES.md §4.7).</summary>
internal sealed record ObjectionRequest(string Summary, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooLong(Summary, "summary", RequestLimits.Text) is { } tooLong9)
        {
            yield return tooLong9;
        }

        if (string.IsNullOrWhiteSpace(Summary))
        {
            yield return ("summary", new("异议内容为必填项。", "What the objection says is required."));
        }
    }
}

/// <summary>The regulator's resolution of an objection (RULES.md §4.7).</summary>
internal sealed record ObjectionResolutionRequest(bool Upheld, string Resolution, LocalDate? On = null) : IApiRequest
{
    public IEnumerable<(string Field, ApiText Error)> Problems()
    {
if (RequestLimits.TooLong(Resolution, "resolution", RequestLimits.Text) is { } tooLong10)
        {
            yield return tooLong10;
        }

        if (string.IsNullOrWhiteSpace(Resolution))
        {
            yield return ("resolution", new("处理结果为必填项。", "The resolution is required."));
        }
    }
}
