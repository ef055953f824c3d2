using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using static SafetyCert.Domain.Tests.Eligibility.EligibilityFixtures;

namespace SafetyCert.Domain.Tests.Eligibility;

public class ApplicationEligibilityTests
{
    // RULES.md §3, seed 000 §2(3), 001 art.10, art.21.
    [Fact]
    public void An_enterprise_meeting_every_condition_is_eligible_and_each_condition_is_reported()
    {
        var assessment = ApplicationEligibility.Assess(Eligible, Initial(), Ningxia);

        Assert.True(assessment.IsEligible);
        Assert.Empty(assessment.Failures);
        Assert.Equal(
            [ConditionCodes.SystemRunning, ConditionCodes.SelfAssessmentPassed, ConditionCodes.LicenceValid, ConditionCodes.PostAndProfessionalStandardization,
                ConditionCodes.DualPrevention, ConditionCodes.NoRecentFatalAccident, ConditionCodes.NoRevocationBan],
            assessment.Conditions.Select(c => c.Code));
    }

    // RULES.md §3.1, seed 000 §2(3): at least six months, counted in calendar months clamped to month end.
    [Theory]
    [InlineData("2025-12-10", "2026-06-10", true)]
    [InlineData("2025-12-11", "2026-06-10", false)]
    [InlineData("2025-08-31", "2026-02-28", true)] // Aug 31 + 6 months is Feb 28
    [InlineData("2025-08-31", "2026-02-27", false)]
    [InlineData("2023-08-31", "2024-02-29", true)]
    [InlineData("2026-06-10", "2026-06-10", false)]
    [InlineData(null, "2026-06-10", false)]
    public void The_system_must_have_run_six_months(string? since, string appliedOn, bool passes)
    {
        var facts = Eligible with { SystemRunningSince = OptionalDate(since) };

        var condition = ApplicationEligibility.Assess(facts, Initial(on: appliedOn), Ningxia).Condition(ConditionCodes.SystemRunning);

        Assert.Equal(passes, condition.Passed);
        Assert.Equal(Ningxia.MinimumSystemRunMonths.Source, condition.Source);
    }

    // RULES.md §3.2, seed 001 art.10(1): the licence must be valid on the application date where one is needed.
    [Theory]
    [InlineData(true, "2026-06-10", true)]
    [InlineData(true, "2026-06-09", false)]
    [InlineData(true, null, false)]
    [InlineData(false, null, true)]
    [InlineData(false, "2020-01-01", true)]
    public void The_licence_must_be_valid_where_the_industry_needs_one(bool required, string? validUntil, bool passes)
    {
        var facts = Eligible with { LicenceRequired = required, LicenceValidUntil = OptionalDate(validUntil) };

        var condition = ApplicationEligibility.Assess(facts, Initial(), Ningxia).Condition(ConditionCodes.LicenceValid);

        Assert.Equal(passes, condition.Passed);
        Assert.Equal("001 art.10(1)", condition.Source);
    }

    // RULES.md §3.4, seed 001 art.10(4): no fatal accident in the year before the application date; an
    // accident on the same date a year earlier still counts.
    [Theory]
    [InlineData("2025-06-10", 1, "2026-06-10", false)] // exactly one year before
    [InlineData("2025-06-09", 1, "2026-06-10", true)] // one year and a day before
    [InlineData("2026-06-10", 3, "2026-06-10", false)] // on the application date
    [InlineData("2026-01-15", 0, "2026-06-10", true)] // nobody died
    [InlineData("2026-06-11", 1, "2026-06-10", true)] // after the application
    [InlineData("2024-02-29", 1, "2025-02-28", false)] // a year back from Feb 28 reaches Feb 28
    [InlineData("2024-02-29", 1, "2025-03-01", true)]
    [InlineData("2027-02-28", 1, "2028-02-29", false)] // a year back from Feb 29 is Feb 28
    [InlineData("2027-02-27", 1, "2028-02-29", true)]
    public void No_fatal_accident_in_the_year_before_applying(string occurredOn, int deaths, string appliedOn, bool passes)
    {
        var facts = Eligible with { Accidents = [new Accident(D(occurredOn), deaths)] };

        var condition = ApplicationEligibility.Assess(facts, Initial(on: appliedOn), Ningxia).Condition(ConditionCodes.NoRecentFatalAccident);

        Assert.Equal(passes, condition.Passed);
        Assert.Equal("001 art.10(4)", condition.Source);
        if (!passes)
        {
            Assert.Contains(occurredOn, condition.ReasonEn, StringComparison.Ordinal);
            Assert.Contains(occurredOn, condition.ReasonZh, StringComparison.Ordinal);
        }
    }

    // RULES.md §7 ban, seed 001 art.21: reapply only after a full year from the revocation date.
    [Theory]
    [InlineData("2025-06-10", "2026-06-10", false)]
    [InlineData("2025-06-10", "2026-06-11", true)]
    [InlineData("2025-06-11", "2026-06-10", false)]
    [InlineData("2024-02-29", "2025-02-28", false)]
    [InlineData("2024-02-29", "2025-03-01", true)]
    [InlineData(null, "2026-06-10", true)]
    public void Not_inside_the_one_year_ban_after_a_revocation(string? revokedOn, string appliedOn, bool passes)
    {
        var facts = Eligible with { LastRevokedOn = OptionalDate(revokedOn) };

        var condition = ApplicationEligibility.Assess(facts, Initial(on: appliedOn), Ningxia).Condition(ConditionCodes.NoRevocationBan);

        Assert.Equal(passes, condition.Passed);
        Assert.Equal("001 art.21", condition.Source);
    }

    [Fact]
    public void The_ban_reason_names_the_first_day_the_firm_may_reapply()
    {
        var facts = Eligible with { LastRevokedOn = new LocalDate(2025, 9, 1) };

        var condition = ApplicationEligibility.Assess(facts, Initial(), Ningxia).Condition(ConditionCodes.NoRevocationBan);

        Assert.Contains("2026-09-02", condition.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("2026-09-02", condition.ReasonZh, StringComparison.Ordinal);
    }

    // RULES.md §3.1 and §3.3: seed 000 §2(3), 001 art.10(2), 001 art.10(3).
    [Theory]
    [InlineData(nameof(EnterpriseFacts.SelfAssessmentPassed), ConditionCodes.SelfAssessmentPassed, "000 §2(3)")]
    [InlineData(nameof(EnterpriseFacts.PostAndProfessionalStandardizationDone), ConditionCodes.PostAndProfessionalStandardization, "001 art.10(2)")]
    [InlineData(nameof(EnterpriseFacts.DualPreventionInPlace), ConditionCodes.DualPrevention, "001 art.10(3)")]
    public void A_missing_prerequisite_fails_its_condition_alone(string fact, string code, string source)
    {
        var facts = fact switch
        {
            nameof(EnterpriseFacts.SelfAssessmentPassed) => Eligible with { SelfAssessmentPassed = false },
            nameof(EnterpriseFacts.PostAndProfessionalStandardizationDone) => Eligible with { PostAndProfessionalStandardizationDone = false },
            _ => Eligible with { DualPreventionInPlace = false },
        };

        var failure = Assert.Single(ApplicationEligibility.Assess(facts, Initial(), Ningxia).Failures);

        Assert.Equal(code, failure.Code);
        Assert.Equal(source, failure.Source);
        Assert.NotEmpty(failure.ReasonZh);
        Assert.NotEmpty(failure.ReasonEn);
    }

    [Fact]
    public void Every_failed_condition_is_reported_not_only_the_first()
    {
        var facts = new EnterpriseFacts
        {
            SystemRunningSince = new LocalDate(2026, 3, 1),
            SelfAssessmentPassed = false,
            LicenceRequired = true,
            LicenceValidUntil = new LocalDate(2026, 5, 31),
            PostAndProfessionalStandardizationDone = false,
            DualPreventionInPlace = false,
            Accidents = [new Accident(new LocalDate(2025, 11, 3), 1)],
            LastRevokedOn = new LocalDate(2025, 8, 1),
        };

        var assessment = ApplicationEligibility.Assess(facts, Initial(), Ningxia);

        Assert.False(assessment.IsEligible);
        Assert.Equal(assessment.Conditions.Select(c => c.Code), assessment.Failures.Select(c => c.Code));
        Assert.Equal(7, assessment.Failures.Length);
    }

    // RULES.md §6, seed 002 §2(3): a renewal needs a certificate in force with no accident during its validity.
    [Theory]
    [InlineData("2027-03-14", null, Grade.Level2, new string[0])] // last valid day
    [InlineData("2027-03-15", null, Grade.Level2, new[] { ConditionCodes.CertificateInForce })] // lapsed
    [InlineData("2026-06-10", "2025-05-05", Grade.Level2, new[] { ConditionCodes.NoAccidentDuringValidity })] // an injury accident counts too
    [InlineData("2026-06-10", "2024-03-14", Grade.Level2, new string[0])] // the day before issue
    [InlineData("2026-06-10", "2024-03-15", Grade.Level2, new[] { ConditionCodes.NoAccidentDuringValidity })] // the issue date
    [InlineData("2026-06-10", null, Grade.Level1, new[] { ConditionCodes.RenewalSameGrade })]
    public void Renewal_needs_a_certificate_in_force_without_an_accident(string appliedOn, string? accidentOn, Grade requested, string[] failures)
    {
        var facts = Eligible with
        {
            LicenceValidUntil = new LocalDate(2030, 1, 1),
            CurrentCertificate = new HeldCertificate(Grade.Level2, new LocalDate(2024, 3, 15), new LocalDate(2027, 3, 14)),
            Accidents = accidentOn is null ? [] : [new Accident(D(accidentOn), 0)],
        };

        var assessment = ApplicationEligibility.Assess(facts, new GradeApplication(ApplicationKind.Renewal, requested, D(appliedOn)), Ningxia);

        Assert.Equal(failures, assessment.Failures.Select(f => f.Code));
        Assert.Contains(assessment.Conditions, c => c.Code == ConditionCodes.CertificateInForce);
    }

    [Fact]
    public void A_lapsed_certificate_tells_the_firm_to_start_over_as_initial()
    {
        var facts = Eligible with { CurrentCertificate = new HeldCertificate(Grade.Level3, new LocalDate(2023, 1, 10), new LocalDate(2026, 1, 9)) };

        var failure = Assert.Single(ApplicationEligibility.Assess(facts, new GradeApplication(ApplicationKind.Renewal, Grade.Level3, AppliedOn), Ningxia).Failures);

        Assert.Equal("002 §2(3)", failure.Source);
        Assert.Contains("initial", failure.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("初评", failure.ReasonZh, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApplicationKind.Renewal)]
    [InlineData(ApplicationKind.Upgrade)]
    public void Renewal_or_upgrade_without_a_certificate_fails_once(ApplicationKind kind)
    {
        var assessment = ApplicationEligibility.Assess(Eligible, new GradeApplication(kind, Grade.Level2, AppliedOn), Ningxia);

        Assert.Equal([ConditionCodes.CertificateHeld], assessment.Failures.Select(f => f.Code));
    }

    // RULES.md §3, seed 000 §3(4), 001 art.18: an upgrade asks for a higher grade than held (level 1 is highest).
    [Theory]
    [InlineData(Grade.Level3, Grade.Level2, true)]
    [InlineData(Grade.Level3, Grade.Level1, true)]
    [InlineData(Grade.SmallMicro, Grade.Level3, true)]
    [InlineData(Grade.Level3, Grade.Level3, false)]
    [InlineData(Grade.Level2, Grade.Level3, false)]
    [InlineData(Grade.Level1, Grade.Level1, false)]
    public void Upgrade_needs_a_higher_grade(Grade held, Grade requested, bool passes)
    {
        var facts = Eligible with { CurrentCertificate = new HeldCertificate(held, new LocalDate(2025, 1, 1), new LocalDate(2027, 12, 31)) };

        var assessment = ApplicationEligibility.Assess(facts, new GradeApplication(ApplicationKind.Upgrade, requested, AppliedOn), Ningxia);

        Assert.Equal(passes, assessment.Condition(ConditionCodes.UpgradeHigherGrade).Passed);
        Assert.Equal(passes, assessment.IsEligible);
    }

    [Fact]
    public void Upgrade_from_a_lapsed_certificate_fails()
    {
        var facts = Eligible with { CurrentCertificate = new HeldCertificate(Grade.Level3, new LocalDate(2023, 1, 1), new LocalDate(2025, 12, 31)) };

        var assessment = ApplicationEligibility.Assess(facts, new GradeApplication(ApplicationKind.Upgrade, Grade.Level2, AppliedOn), Ningxia);

        Assert.Equal([ConditionCodes.CertificateInForce], assessment.Failures.Select(f => f.Code));
    }

    // RULES.md §3, seed 001 annex 2: the form reports 5 years of accidents for level 1, 3 for level 2, 1 for level 3.
    [Theory]
    [InlineData(Grade.Level1, 5, "2021-06-10")]
    [InlineData(Grade.Level2, 3, "2023-06-10")]
    [InlineData(Grade.Level3, 1, "2025-06-10")]
    [InlineData(Grade.SmallMicro, 1, "2025-06-10")]
    public void The_form_reports_accidents_of_five_three_or_one_years(Grade grade, int years, string from)
    {
        var report = ApplicationEligibility.AccidentReport(Eligible, grade, AppliedOn, Ningxia);

        Assert.Equal(years, report.Years);
        Assert.Equal(D(from), report.From);
        Assert.Equal(AppliedOn, report.Through);
        Assert.StartsWith("001 annex 2", report.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_lists_the_accidents_inside_its_period_only()
    {
        var facts = Eligible with
        {
            Accidents = [new Accident(D("2023-06-09"), 0), new Accident(D("2023-06-10"), 0), new Accident(D("2026-06-10"), 2), new Accident(D("2026-06-11"), 0)],
        };

        var report = ApplicationEligibility.Assess(facts, new GradeApplication(ApplicationKind.Initial, Grade.Level2, AppliedOn), Ningxia).AccidentReport;

        Assert.Equal([D("2023-06-10"), D("2026-06-10")], report.Accidents.Select(a => a.OccurredOn));
    }

    [Fact]
    public void The_lookback_follows_the_profile()
    {
        var twoYears = Ningxia with { FatalAccidentLookbackYears = new Sourced<int>(2, "convention: test") };
        var facts = Eligible with { Accidents = [new Accident(D("2024-07-01"), 1)] };

        Assert.True(ApplicationEligibility.Assess(facts, Initial(), Ningxia).IsEligible);
        Assert.False(ApplicationEligibility.Assess(facts, Initial(), twoYears).IsEligible);
    }

    [Fact]
    public void Negative_deaths_are_rejected()
    {
        var facts = Eligible with { Accidents = [new Accident(D("2026-01-01"), -1)] };

        var error = Assert.Throws<ArgumentException>(() => ApplicationEligibility.Assess(facts, Initial(), Ningxia));

        Assert.Contains("2026-01-01", error.Message, StringComparison.Ordinal);
    }
}
