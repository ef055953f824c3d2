using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using static SafetyCert.Domain.Tests.Eligibility.EligibilityFixtures;

namespace SafetyCert.Domain.Tests.Eligibility;

public class FastTrackRenewalTests
{
    private static readonly LocalDate InWindow = new(2027, 1, 10);

    private static EnterpriseFacts Renewable { get; } = Eligible with
    {
        LicenceValidUntil = new LocalDate(2030, 1, 1),
        CurrentCertificate = new HeldCertificate(Grade.Level2, new LocalDate(2024, 3, 15), new LocalDate(2027, 3, 14)),
        SelfAssessments = [new(2024, true, true), new(2025, true, true), new(2026, true, true)],
    };

    // RULES.md §6, seed 001 art.17.
    [Fact]
    public void A_firm_meeting_every_condition_renews_without_an_on_site_review()
    {
        var assessment = FastTrackRenewal.Assess(Renewable, InWindow, Ningxia);

        Assert.True(assessment.FastTrack);
        Assert.False(assessment.FullReviewRequired);
        Assert.Equal(
            [ConditionCodes.FastTrackProvided, ConditionCodes.FastTrackWindow, ConditionCodes.FastTrackSelfAssessments, ConditionCodes.FastTrackStillEligible, ConditionCodes.FastTrackNoFatalAccident,
                ConditionCodes.FastTrackNoOutstandingProblems, ConditionCodes.FastTrackNoSiteChanges, ConditionCodes.FastTrackNoEnvironmentChange, ConditionCodes.FastTrackStandardUnchanged],
            assessment.Conditions.Select(c => c.Code));
        Assert.Equal(
            ["001 art.17", "001 art.17(1)", "001 art.17(2)", "001 art.17(3)", "001 art.17(4)", "001 art.17(5)", "001 art.17(6)", "001 art.17(7)", "001 art.17"],
            assessment.Conditions.Select(c => c.Source));
    }

    // RULES.md §6, seed 001 art.17(1): from the window's opening (3 months before the last valid day) through the last valid day.
    [Theory]
    [InlineData("2026-12-13", false)]
    [InlineData("2026-12-14", true)]
    [InlineData("2027-03-14", true)]
    [InlineData("2027-03-15", false)]
    public void The_application_must_fall_inside_the_renewal_window(string appliedOn, bool passes)
    {
        var condition = FastTrackRenewal.Assess(Renewable, D(appliedOn), Ningxia).Condition(ConditionCodes.FastTrackWindow);

        Assert.Equal(passes, condition.Passed);
        Assert.Contains("2026-12-14", condition.ReasonEn, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2027-05-31", "2027-02-27", false)]
    [InlineData("2027-05-31", "2027-02-28", true)] // May 31 − 3 months clamps to Feb 28
    public void The_window_opening_clamps_to_month_end(string lastValidDay, string appliedOn, bool passes)
    {
        var facts = Renewable with { CurrentCertificate = new HeldCertificate(Grade.Level2, D("2024-06-01"), D(lastValidDay)), SelfAssessments = [new(2024, true, true), new(2025, true, true), new(2026, true, true)] };

        Assert.Equal(passes, FastTrackRenewal.Assess(facts, D(appliedOn), Ningxia).Condition(ConditionCodes.FastTrackWindow).Passed);
    }

    // RULES.md §2, §6, seed 001 art.17(2): every report due after issue and before applying, submitted and posted.
    [Theory]
    [InlineData("2027-01-10", "", true)]
    [InlineData("2027-01-10", "2025", false)]
    [InlineData("2027-01-10", "2024", false)] // issued Mar 2024: the 2024 report is due Dec 31, 2024
    [InlineData("2027-01-10", "2026", false)]
    [InlineData("2026-12-31", "2026", true)] // the 2026 report is not yet overdue on its due date
    public void A_report_must_be_submitted_and_posted_every_year(string appliedOn, string missingYear, bool passes)
    {
        var facts = Renewable with { SelfAssessments = [.. Renewable.SelfAssessments.Where(r => r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) != missingYear)] };

        var condition = FastTrackRenewal.Assess(facts, D(appliedOn), Ningxia).Condition(ConditionCodes.FastTrackSelfAssessments);

        Assert.Equal(passes, condition.Passed);
        if (!passes)
        {
            Assert.Contains(missingYear, condition.ReasonEn, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_report_submitted_but_not_posted_does_not_count()
    {
        var facts = Renewable with { SelfAssessments = [new(2024, true, true), new(2025, true, false), new(2026, true, true)] };

        Assert.False(FastTrackRenewal.Assess(facts, InWindow, Ningxia).Condition(ConditionCodes.FastTrackSelfAssessments).Passed);
    }

    // RULES.md §6 (3)–(7) and the revised standard, seed 001 art.17: each spoils the fast track alone.
    [Theory]
    [InlineData("licence-lapsed", ConditionCodes.FastTrackStillEligible)]
    [InlineData("fatal-accident", ConditionCodes.FastTrackNoFatalAccident)]
    [InlineData("outstanding-problem", ConditionCodes.FastTrackNoOutstandingProblems)]
    [InlineData("major-hazard", ConditionCodes.FastTrackNoOutstandingProblems)]
    [InlineData("site-relocated", ConditionCodes.FastTrackNoSiteChanges)]
    [InlineData("scope-widened", ConditionCodes.FastTrackNoSiteChanges)]
    [InlineData("environment-changed", ConditionCodes.FastTrackNoEnvironmentChange)]
    [InlineData("standard-revised", ConditionCodes.FastTrackStandardUnchanged)]
    public void Each_condition_alone_requires_a_full_review(string change, string code)
    {
        var facts = change switch
        {
            "licence-lapsed" => Renewable with { LicenceValidUntil = new LocalDate(2026, 12, 31) },
            "fatal-accident" => Renewable with { Accidents = [new Accident(new LocalDate(2024, 9, 1), 1)] },
            "outstanding-problem" => Renewable with { OutstandingProblemsFound = true },
            "major-hazard" => Renewable with { MajorHiddenHazardFound = true },
            "site-relocated" => Renewable with { SitesRebuiltExpandedOrRelocated = true },
            "scope-widened" => Renewable with { LicenceScopeWidened = true },
            "environment-changed" => Renewable with { WorkingEnvironmentChangedMarkedly = true },
            _ => Renewable with { GradingStandardRevisedSinceIssue = true },
        };

        var assessment = FastTrackRenewal.Assess(facts, InWindow, Ningxia);

        Assert.True(assessment.FullReviewRequired);
        Assert.Equal([code], assessment.Failures.Select(f => f.Code));
    }

    // A fatal accident more than a year ago is no bar to a new application (§3.4) but still bars the fast track (art.17(4)).
    [Fact]
    public void A_fatal_accident_early_in_the_validity_bars_only_the_fast_track()
    {
        var facts = Renewable with { Accidents = [new Accident(new LocalDate(2024, 5, 1), 1)] };

        var failure = Assert.Single(FastTrackRenewal.Assess(facts, InWindow, Ningxia).Failures);

        Assert.Equal(ConditionCodes.FastTrackNoFatalAccident, failure.Code);
        Assert.Contains("2024-05-01", failure.ReasonZh, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failed_condition_is_reported_with_reasons()
    {
        var facts = Renewable with
        {
            SelfAssessments = [],
            OutstandingProblemsFound = true,
            MajorHiddenHazardFound = true,
            LicenceScopeWidened = true,
            GradingStandardRevisedSinceIssue = true,
        };

        var assessment = FastTrackRenewal.Assess(facts, D("2026-11-01"), Ningxia);

        Assert.Equal(
            [ConditionCodes.FastTrackWindow, ConditionCodes.FastTrackSelfAssessments, ConditionCodes.FastTrackNoOutstandingProblems, ConditionCodes.FastTrackNoSiteChanges, ConditionCodes.FastTrackStandardUnchanged],
            assessment.Failures.Select(f => f.Code));
        var problems = assessment.Condition(ConditionCodes.FastTrackNoOutstandingProblems);
        Assert.Contains("major hidden hazard", problems.ReasonEn, StringComparison.Ordinal);
        Assert.Contains("重大隐患", problems.ReasonZh, StringComparison.Ordinal);
        Assert.All(assessment.Conditions, c => Assert.False(string.IsNullOrWhiteSpace(c.ReasonZh + c.ReasonEn)));
    }

    [Fact]
    public void Without_a_certificate_the_window_and_reports_fail()
    {
        var assessment = FastTrackRenewal.Assess(Renewable with { CurrentCertificate = null }, InWindow, Ningxia);

        Assert.Equal([ConditionCodes.FastTrackWindow, ConditionCodes.FastTrackSelfAssessments], assessment.Failures.Select(f => f.Code));
    }
    // RULES.md §6: only a profile that provides the fast track [001 art.17] renews without an on-site review; Beijing's does not.
    [Fact]
    public void A_profile_without_the_fast_track_always_requires_a_full_review()
    {
        var beijing = SafetyCert.Domain.Profiles.ProfileCatalog.Embedded.Get("beijing-2015");

        var assessment = FastTrackRenewal.Assess(Renewable, InWindow, beijing);

        var failure = Assert.Single(assessment.Failures);
        Assert.Equal(ConditionCodes.FastTrackProvided, failure.Code);
        Assert.True(assessment.FullReviewRequired);
        Assert.True(FastTrackRenewal.Assess(Renewable, InWindow, Ningxia).Condition(ConditionCodes.FastTrackProvided).Passed);
    }

    // RULES.md §6 [001 art.17]: a grading standard revised after the certificate's issue, as the profile records it, means a full review.
    [Theory]
    [InlineData("2024-03-14", true)]
    [InlineData("2024-03-15", true)]
    [InlineData("2024-03-16", false)]
    public void A_standard_revision_the_profile_records_after_issue_means_a_full_review(string revisedOn, bool unchanged)
    {
        var profile = Ningxia with { GradingStandardRevisedOn = new(D(revisedOn), "test") };

        Assert.Equal(unchanged, FastTrackRenewal.Assess(Renewable, InWindow, profile).Condition(ConditionCodes.FastTrackStandardUnchanged).Passed);
    }
}
