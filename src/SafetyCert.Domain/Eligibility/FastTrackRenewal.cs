using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Profiles;
using static SafetyCert.Domain.Eligibility.ApplicationEligibility;

namespace SafetyCert.Domain.Eligibility;

/// <summary>
/// Renewal without an on-site review (RULES.md §6, [001 art.17]): seven conditions, and an unchanged
/// grading standard. Any failure means a full on-site review.
/// </summary>
public static class FastTrackRenewal
{
    /// <summary>
    /// Checks a renewal applied for on a date against every fast-track condition, first whether the profile provides
    /// the fast track at all. The grading standard counts as revised when the facts say so or the profile records a
    /// revision after the held certificate's issue.
    /// </summary>
    public static FastTrackAssessment Assess(EnterpriseFacts facts, LocalDate appliedOn, JurisdictionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(profile);
        var held = facts.CurrentCertificate;
        var revisedOn = profile.GradingStandardRevisedOn.Value;
        var revised = facts.GradingStandardRevisedSinceIssue || (held is not null && revisedOn > held.IssuedOn);
        return new FastTrackAssessment(
        [
            profile.FastTrackRenewal.Value
                ? Pass(ConditionCodes.FastTrackProvided, $"{profile.Name}规定符合条件的可不组织现场评审，直接公告延期并换发证书", $"Profile {profile.Id} renews without an on-site review when every condition holds", profile.FastTrackRenewal.Source)
                : Fail(ConditionCodes.FastTrackProvided, $"{profile.Name}未规定免于现场评审的复评，应组织现场评审", $"Profile {profile.Id} provides no renewal without an on-site review", profile.FastTrackRenewal.Source),
            Window(held, appliedOn, profile),
            SelfAssessments(facts, held, appliedOn, profile),
            StillEligible(facts, appliedOn, profile),
            NoFatalAccident(facts, held, appliedOn),
            NoOutstandingProblems(facts),
            NoSiteChanges(facts),
            facts.WorkingEnvironmentChangedMarkedly
                ? Fail(ConditionCodes.FastTrackNoEnvironmentChange, "生产经营及作业内、外部环境发生明显变化", "The working environment changed markedly", "001 art.17(7)")
                : Pass(ConditionCodes.FastTrackNoEnvironmentChange, "生产经营及作业内、外部环境无明显变化", "No marked change of the working environment", "001 art.17(7)"),
            revised
                ? Fail(ConditionCodes.FastTrackStandardUnchanged, "安全生产标准化评定标准已经修订，应重新组织现场评审", "The grading standard was revised since issue; a full on-site review follows", "001 art.17")
                : Pass(ConditionCodes.FastTrackStandardUnchanged, "评定标准未修订", "The grading standard is unchanged since issue", "001 art.17"),
        ]);
    }

    private static ConditionResult Window(HeldCertificate? held, LocalDate appliedOn, JurisdictionProfile profile)
    {
        const string Source = "001 art.17(1)";
        if (held is null)
        {
            return Fail(ConditionCodes.FastTrackWindow, "未持有安全生产标准化证书", "No certificate is held", Source);
        }

        var opens = CertificateValidity.RenewalWindowOpens(held.LastValidDay, profile);
        var months = profile.RenewalWindowMonths.Value;
        return appliedOn >= opens && appliedOn <= held.LastValidDay
            ? Pass(ConditionCodes.FastTrackWindow, $"在证书有效期届满前{months}个月内（{opens:yyyy-MM-dd}至{held.LastValidDay:yyyy-MM-dd}）提出复评申请", $"Applied inside the renewal window {opens:yyyy-MM-dd} to {held.LastValidDay:yyyy-MM-dd}", Source)
            : Fail(ConditionCodes.FastTrackWindow, $"未在证书有效期届满前{months}个月内（{opens:yyyy-MM-dd}至{held.LastValidDay:yyyy-MM-dd}）提出复评申请", $"Applied outside the renewal window {opens:yyyy-MM-dd} to {held.LastValidDay:yyyy-MM-dd}", Source);
    }

    // Every year whose report fell due after issue and before the application must be submitted and posted.
    private static ConditionResult SelfAssessments(EnterpriseFacts facts, HeldCertificate? held, LocalDate appliedOn, JurisdictionProfile profile)
    {
        const string Source = "001 art.17(2)";
        if (held is null)
        {
            return Fail(ConditionCodes.FastTrackSelfAssessments, "未持有安全生产标准化证书", "No certificate is held", Source);
        }

        var due = profile.SelfAssessmentDue.Value;
        var missing = Enumerable.Range(held.IssuedOn.Year, Math.Max(0, appliedOn.Year - held.IssuedOn.Year + 1))
            .Where(year => due.In(year) >= held.IssuedOn && due.In(year) < appliedOn)
            .Where(year => !facts.SelfAssessments.Any(r => r.Year == year && r.Submitted && r.Posted))
            .ToList();
        if (missing.Count == 0)
        {
            return Pass(ConditionCodes.FastTrackSelfAssessments, "每年提交自评报告并在企业内部公示", "A self-assessment report was submitted and posted every year", Source);
        }

        var years = string.Join(", ", missing);
        return Fail(ConditionCodes.FastTrackSelfAssessments, $"以下年度未提交自评报告或未在企业内部公示：{years}", $"No self-assessment report submitted and posted for {years}", Source);
    }

    private static ConditionResult StillEligible(EnterpriseFacts facts, LocalDate appliedOn, JurisdictionProfile profile)
    {
        const string Source = "001 art.17(3)";
        var failed = GeneralConditions(facts, appliedOn, profile).Where(c => !c.Passed).Select(c => c.Code).ToList();
        return failed.Count == 0
            ? Pass(ConditionCodes.FastTrackStillEligible, "符合申请评审条件", "Still meets every application condition", Source)
            : Fail(ConditionCodes.FastTrackStillEligible, $"不再符合申请评审条件：{string.Join(", ", failed)}", $"No longer meets the application conditions: {string.Join(", ", failed)}", Source);
    }

    private static ConditionResult NoFatalAccident(EnterpriseFacts facts, HeldCertificate? held, LocalDate appliedOn)
    {
        const string Source = "001 art.17(4)";
        var since = held?.IssuedOn ?? LocalDate.MinIsoValue;
        var fatal = facts.Accidents.Where(a => a.IsFatal && a.OccurredOn >= since && a.OccurredOn <= appliedOn).ToList();
        return fatal.Count == 0
            ? Pass(ConditionCodes.FastTrackNoFatalAccident, "证书有效期内未发生生产安全死亡事故", "No fatal accident during the certificate's validity", Source)
            : Fail(ConditionCodes.FastTrackNoFatalAccident, $"发生生产安全死亡事故（{string.Join(", ", fatal.Select(a => a.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}）", $"Fatal accident ({string.Join(", ", fatal.Select(a => a.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))})", Source);
    }

    private static ConditionResult NoOutstandingProblems(EnterpriseFacts facts)
    {
        const string Source = "001 art.17(5)";
        var found = new List<(string Zh, string En)>();
        if (facts.OutstandingProblemsFound)
        {
            found.Add(("安全管理存在突出问题", "an outstanding management problem"));
        }

        if (facts.MajorHiddenHazardFound)
        {
            found.Add(("存在重大隐患", "a major hidden hazard"));
        }

        return found.Count == 0
            ? Pass(ConditionCodes.FastTrackNoOutstandingProblems, "执法检查和质量审计未发现突出问题或重大隐患", "Inspections and quality audits found no outstanding problem or major hidden hazard", Source)
            : Fail(ConditionCodes.FastTrackNoOutstandingProblems, $"执法检查或质量审计发现：{string.Join("、", found.Select(f => f.Zh))}", $"Inspections or quality audits found {string.Join(" and ", found.Select(f => f.En))}", Source);
    }

    private static ConditionResult NoSiteChanges(EnterpriseFacts facts)
    {
        const string Source = "001 art.17(6)";
        var found = new List<(string Zh, string En)>();
        if (facts.SitesRebuiltExpandedOrRelocated)
        {
            found.Add(("改建、扩建或者迁移生产经营、储存场所", "sites were rebuilt, expanded or relocated"));
        }

        if (facts.LicenceScopeWidened)
        {
            found.Add(("扩大生产经营许可范围", "the licensed scope was widened"));
        }

        return found.Count == 0
            ? Pass(ConditionCodes.FastTrackNoSiteChanges, "未改建、扩建或者迁移场所，未扩大许可范围", "No site rebuilt, expanded or relocated; licence scope unchanged", Source)
            : Fail(ConditionCodes.FastTrackNoSiteChanges, string.Join("；", found.Select(f => f.Zh)), string.Join("; ", found.Select(f => f.En)), Source);
    }
}
