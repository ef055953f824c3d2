using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Revocation;

namespace SafetyCert.Domain.Eligibility;

/// <summary>
/// Whether an enterprise may apply for a grade (RULES.md §3, §6): every condition is checked and every
/// failure reported, not only the first.
/// </summary>
/// <remarks>
/// Periods of years count as the Civil Code does (art.201–202: the first day is not counted; a period
/// ends on the same date, or the month's end when there is none): "the year before applying on
/// 2026-06-10" reaches back to 2025-06-10 inclusive, and "one year after a revocation on 2025-06-10"
/// is over at the end of 2026-06-10, so the firm may apply from 2026-06-11.
/// </remarks>
public static class ApplicationEligibility
{
    private const string SelfAssessmentSource = "000 §2(3)";
    private const string LicenceSource = "001 art.10(1)";
    private const string StandardizationSource = "001 art.10(2)";
    private const string DualPreventionSource = "001 art.10(3)";
    private const string RenewalSource = "000 §3(4)";
    private const string StartOverSource = "002 §2(3)";
    private const string UpgradeSource = "000 §3(4), 001 art.18";

    /// <summary>Checks an application against every condition of its kind.</summary>
    /// <exception cref="ArgumentException">An accident has negative deaths.</exception>
    public static EligibilityAssessment Assess(EnterpriseFacts facts, GradeApplication application, JurisdictionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(profile);
        var negative = facts.Accidents.FirstOrDefault(a => a.Deaths < 0);
        if (negative is not null)
        {
            throw new ArgumentException($"The accident of {negative.OccurredOn:yyyy-MM-dd} has {negative.Deaths} deaths.", nameof(facts));
        }

        var conditions = ImmutableArray.CreateBuilder<ConditionResult>();
        conditions.AddRange(GeneralConditions(facts, application.AppliedOn, profile));
        switch (application.Kind)
        {
            case ApplicationKind.Renewal:
                conditions.AddRange(RenewalConditions(facts, application));
                break;
            case ApplicationKind.Upgrade:
                conditions.AddRange(UpgradeConditions(facts, application));
                break;
            case ApplicationKind.Initial:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(application), application.Kind, "Unknown application kind.");
        }

        return new EligibilityAssessment(application, conditions.ToImmutable(), AccidentReport(facts, application.RequestedGrade, application.AppliedOn, profile));
    }

    /// <summary>The accidents the form must report for a grade: the profile's years (5/3/1 [001 annex 2]) up to the application date.</summary>
    public static AccidentReportPeriod AccidentReport(EnterpriseFacts facts, Grade grade, LocalDate appliedOn, JurisdictionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(profile);
        var years = profile.AccidentReportYears.Value[grade];
        var from = appliedOn.PlusYears(-years);
        return new AccidentReportPeriod(
            years,
            from,
            appliedOn,
            [.. facts.Accidents.Where(a => a.OccurredOn >= from && a.OccurredOn <= appliedOn).OrderBy(a => a.OccurredOn)],
            profile.AccidentReportYears.Source);
    }

    /// <summary>The conditions every application must meet [000 §2(3)], [001 art.10], [001 art.21].</summary>
    internal static IEnumerable<ConditionResult> GeneralConditions(EnterpriseFacts facts, LocalDate appliedOn, JurisdictionProfile profile)
    {
        yield return SystemRunning(facts, appliedOn, profile.MinimumSystemRunMonths);

        yield return facts.SelfAssessmentPassed
            ? Pass(ConditionCodes.SelfAssessmentPassed, "自评达标", "The self-assessment passed", SelfAssessmentSource)
            : Fail(ConditionCodes.SelfAssessmentPassed, "自评未达标", "The self-assessment did not pass", SelfAssessmentSource);

        yield return Licence(facts, appliedOn);

        yield return facts.PostAndProfessionalStandardizationDone
            ? Pass(ConditionCodes.PostAndProfessionalStandardization, "已开展岗位达标和专业达标", "Post and professional standardization are done", StandardizationSource)
            : Fail(ConditionCodes.PostAndProfessionalStandardization, "未按规定开展岗位达标和专业达标", "Post and professional standardization are not done", StandardizationSource);

        yield return facts.DualPreventionInPlace
            ? Pass(ConditionCodes.DualPrevention, "已建立安全风险分级管控和隐患排查治理双重预防机制", "The dual prevention mechanism is in place", DualPreventionSource)
            : Fail(ConditionCodes.DualPrevention, "未建立安全风险分级管控和隐患排查治理双重预防机制", "The dual prevention mechanism (risk grading and hazard investigation) is not in place", DualPreventionSource);

        yield return NoRecentFatalAccident(facts, appliedOn, profile.FatalAccidentLookbackYears);
        yield return NoRevocationBan(facts, appliedOn, profile);
    }

    private static ConditionResult SystemRunning(EnterpriseFacts facts, LocalDate appliedOn, Sourced<int> months)
    {
        if (facts.SystemRunningSince is not { } since)
        {
            return Fail(ConditionCodes.SystemRunning, "安全生产标准化体系尚未运行", "The standardization system is not running", months.Source);
        }

        var enough = since.PlusMonths(months.Value);
        return enough <= appliedOn
            ? Pass(ConditionCodes.SystemRunning, $"体系自{since:yyyy-MM-dd}起有效运行已满{months.Value}个月", $"The system has run {months.Value} months or more since {since:yyyy-MM-dd}", months.Source)
            : Fail(ConditionCodes.SystemRunning, $"体系自{since:yyyy-MM-dd}起运行不足{months.Value}个月，{enough:yyyy-MM-dd}起方可申请", $"The system has run less than {months.Value} months since {since:yyyy-MM-dd}; the firm may apply from {enough:yyyy-MM-dd}", months.Source);
    }

    private static ConditionResult Licence(EnterpriseFacts facts, LocalDate appliedOn)
    {
        if (!facts.LicenceRequired)
        {
            return Pass(ConditionCodes.LicenceValid, "本行业不实施安全生产行政许可", "The industry needs no work-safety licence", LicenceSource);
        }

        return facts.LicenceValidUntil switch
        {
            null => Fail(ConditionCodes.LicenceValid, "未取得安全生产许可证", "The firm holds no work-safety licence", LicenceSource),
            { } until when until < appliedOn => Fail(ConditionCodes.LicenceValid, $"安全生产许可证已于{until:yyyy-MM-dd}到期", $"The work-safety licence expired after {until:yyyy-MM-dd}", LicenceSource),
            { } until => Pass(ConditionCodes.LicenceValid, $"安全生产许可证有效期至{until:yyyy-MM-dd}", $"The work-safety licence is valid through {until:yyyy-MM-dd}", LicenceSource),
        };
    }

    private static ConditionResult NoRecentFatalAccident(EnterpriseFacts facts, LocalDate appliedOn, Sourced<int> years)
    {
        var from = appliedOn.PlusYears(-years.Value);
        var fatal = facts.Accidents.Where(a => a.IsFatal && a.OccurredOn >= from && a.OccurredOn <= appliedOn).OrderBy(a => a.OccurredOn).ToList();
        if (fatal.Count == 0)
        {
            return Pass(ConditionCodes.NoRecentFatalAccident, $"申请之日前{years.Value}年内（{from:yyyy-MM-dd}起）无生产安全死亡事故", $"No fatal accident in the {years.Value} year(s) before applying (since {from:yyyy-MM-dd})", years.Source);
        }

        var dates = string.Join(", ", fatal.Select(a => a.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return Fail(ConditionCodes.NoRecentFatalAccident, $"申请之日前{years.Value}年内发生生产安全死亡事故（{dates}）", $"Fatal accident in the {years.Value} year(s) before applying ({dates})", years.Source);
    }

    private static ConditionResult NoRevocationBan(EnterpriseFacts facts, LocalDate appliedOn, JurisdictionProfile profile)
    {
        var years = profile.RevocationBanYears;
        if (facts.LastRevokedOn is not { } revokedOn)
        {
            return Pass(ConditionCodes.NoRevocationBan, "未被撤销安全生产标准化等级", "No grade was revoked", years.Source);
        }

        var allowedFrom = RevocationRules.BanEndsOn(profile, revokedOn);
        return appliedOn >= allowedFrom
            ? Pass(ConditionCodes.NoRevocationBan, $"自{revokedOn:yyyy-MM-dd}撤销之日起已满{years.Value}年", $"{years.Value} year(s) have passed since the revocation on {revokedOn:yyyy-MM-dd}", years.Source)
            : Fail(ConditionCodes.NoRevocationBan, $"自{revokedOn:yyyy-MM-dd}撤销之日起未满{years.Value}年，{allowedFrom:yyyy-MM-dd}起方可重新申请", $"Inside the ban after the revocation on {revokedOn:yyyy-MM-dd}; the firm may reapply from {allowedFrom:yyyy-MM-dd}", years.Source);
    }

    private static IEnumerable<ConditionResult> RenewalConditions(EnterpriseFacts facts, GradeApplication application)
    {
        if (facts.CurrentCertificate is not { } held)
        {
            yield return Fail(ConditionCodes.CertificateHeld, "未持有安全生产标准化证书，应申请初评", "No certificate is held; apply for an initial grading", RenewalSource);
            yield break;
        }

        yield return Pass(ConditionCodes.CertificateHeld, $"持有{held.Grade}证书", $"A {held.Grade} certificate is held", RenewalSource);
        yield return InForce(held, application.AppliedOn, StartOverSource);

        var accidents = facts.Accidents.Where(a => a.OccurredOn >= held.IssuedOn && a.OccurredOn <= Earlier(held.LastValidDay, application.AppliedOn)).OrderBy(a => a.OccurredOn).ToList();
        var dates = string.Join(", ", accidents.Select(a => a.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        yield return accidents.Count == 0
            ? Pass(ConditionCodes.NoAccidentDuringValidity, "证书有效期内未发生生产安全事故", "No accident during the certificate's validity", StartOverSource)
            : Fail(ConditionCodes.NoAccidentDuringValidity, $"证书有效期内发生生产安全事故（{dates}），应重新开展创建并申请初评", $"Accident during the certificate's validity ({dates}); start over with an initial grading", StartOverSource);

        yield return held.Grade == application.RequestedGrade
            ? Pass(ConditionCodes.RenewalSameGrade, "复评等级与所持证书一致", "The renewal keeps the held grade", RenewalSource)
            : Fail(ConditionCodes.RenewalSameGrade, $"复评等级（{application.RequestedGrade}）与所持证书（{held.Grade}）不一致，升级应申请更高等级评审", $"A renewal keeps the held grade {held.Grade}, not {application.RequestedGrade}; apply for an upgrade or an initial grading", RenewalSource);
    }

    private static IEnumerable<ConditionResult> UpgradeConditions(EnterpriseFacts facts, GradeApplication application)
    {
        if (facts.CurrentCertificate is not { } held)
        {
            yield return Fail(ConditionCodes.CertificateHeld, "未持有安全生产标准化证书，应申请初评", "No certificate is held; apply for an initial grading", UpgradeSource);
            yield break;
        }

        yield return Pass(ConditionCodes.CertificateHeld, $"持有{held.Grade}证书", $"A {held.Grade} certificate is held", UpgradeSource);
        yield return InForce(held, application.AppliedOn, UpgradeSource);

        // Level 1 is the highest grade and has the smallest number.
        yield return application.RequestedGrade < held.Grade
            ? Pass(ConditionCodes.UpgradeHigherGrade, $"申请等级（{application.RequestedGrade}）高于所持等级（{held.Grade}）", $"{application.RequestedGrade} is higher than the held {held.Grade}", UpgradeSource)
            : Fail(ConditionCodes.UpgradeHigherGrade, $"申请等级（{application.RequestedGrade}）不高于所持等级（{held.Grade}）", $"{application.RequestedGrade} is not higher than the held {held.Grade}", UpgradeSource);
    }

    private static ConditionResult InForce(HeldCertificate held, LocalDate appliedOn, string source) =>
        appliedOn <= held.LastValidDay
            ? Pass(ConditionCodes.CertificateInForce, $"证书有效期至{held.LastValidDay:yyyy-MM-dd}", $"The certificate is valid through {held.LastValidDay:yyyy-MM-dd}", source)
            : Fail(ConditionCodes.CertificateInForce, $"证书已于{held.LastValidDay:yyyy-MM-dd}期满，应重新开展创建并申请初评", $"The certificate lapsed after {held.LastValidDay:yyyy-MM-dd}; start over with an initial grading", source);

    private static LocalDate Earlier(LocalDate a, LocalDate b) => a < b ? a : b;

    internal static ConditionResult Pass(string code, string zh, string en, string source) => new(code, true, zh, en, source);

    internal static ConditionResult Fail(string code, string zh, string en, string source) => new(code, false, zh, en, source);
}
