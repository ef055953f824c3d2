using SafetyCert.Domain.Eligibility;

namespace SafetyCert.Functions.Api.Applications;

/// <summary>The answer of the eligibility check: every failed condition with its reason (Chinese, then English) and source.</summary>
internal sealed record EligibilityView(bool Eligible, IReadOnlyList<EligibilityFailure> Failures)
{
    public static EligibilityView Of(EligibilityAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        return new(assessment.IsEligible, [.. assessment.Failures.Select(f => new EligibilityFailure(f.Code, f.ReasonZh, f.ReasonEn, f.Source))]);
    }
}

/// <summary>One condition of RULES.md §3 the enterprise does not meet.</summary>
internal sealed record EligibilityFailure(string Code, string Reason, string ReasonEn, string Source);
