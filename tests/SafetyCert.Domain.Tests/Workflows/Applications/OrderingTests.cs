using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

public class OrderingTests
{
    public static TheoryData<WorkflowEvent> OutOfOrderDuringMaterialReview => new()
    {
        new ReviewUnitAssigned("unit-7", "seed-1", Date("2026-02-20")),
        new RemediationStarted(Date("2026-02-20")),
        new ReviewReportSubmitted(Date("2026-02-20"), Passed: true, "fine"),
        new ReportAudited(Date("2026-02-20"), Forwarded: true),
        new PublicNoticePublished(Date("2026-02-20")),
        new ObjectionRaised("obj-1", Date("2026-02-20"), "early"),
        new Announced(Date("2026-02-20")),
        new CertificateIssuedToEnterprise("cert-1", "宁AQBⅢ2026000001", Date("2026-02-20")),
        new ReviewFailed(Date("2026-02-20"), Party.ReviewUnit, "no ledger"),
    };

    // RULES.md §4: each step waits for the one before it; the refusal names the status and what is expected.
    [Theory]
    [MemberData(nameof(OutOfOrderDuringMaterialReview))]
    public void Step_out_of_order_is_refused_with_the_status_and_the_expected_events(WorkflowEvent @event)
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var decision = app.Decide(@event);

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("is MaterialReview", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("Expected MaterialReviewAccepted or MaterialReviewRejected or Withdrawn", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Event_before_any_submission_is_refused()
    {
        var decision = new ApplicationDriver().Decide(new MaterialReviewAccepted(Date("2026-02-20")));

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("Expected ApplicationSubmitted", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Second_submission_is_refused_and_a_repeated_one_ignored()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var second = app.Decide(ApplicationDriver.Submission(Date("2026-02-16"), applicationId: "app-9"));
        var repeated = app.Decide(ApplicationDriver.Submission(Date("2026-02-13")));

        Assert.Equal(Outcome.Rejected, second.Outcome);
        Assert.Contains("second submission", second.Reason, StringComparison.Ordinal);
        Assert.Equal(Outcome.Ignored, repeated.Outcome);
    }

    [Fact]
    public void Repeated_acceptance_and_assignment_are_ignored()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-03-02"));

        Assert.Equal(Outcome.Ignored, app.Decide(new MaterialReviewAccepted(Date("2026-03-02"))).Outcome);
        Assert.Equal(Outcome.Ignored, app.Decide(new ReviewUnitAssigned("unit-7", "seed-42", Date("2026-03-02"))).Outcome);
        Assert.Equal(Outcome.Rejected, app.Decide(new ReviewUnitAssigned("unit-8", "seed-43", Date("2026-03-03"))).Outcome);
    }

    [Fact]
    public void Step_dated_before_the_previous_one_is_refused()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var decision = app.Decide(new MaterialReviewAccepted(Date("2026-02-12")));

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("before the previous step", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_dated_after_the_day_it_is_reported_is_refused()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        // 23:30 UTC on Feb 16 is already Feb 17 in Beijing, so Feb 17 is allowed and Feb 18 is not.
        var now = Instant.FromUtc(2026, 2, 16, 23, 30);
        Assert.Equal(Outcome.Applied, app.Decide(new MaterialReviewAccepted(Date("2026-02-17")), now).Outcome);
        var decision = app.Decide(new MaterialReviewAccepted(Date("2026-02-18")), now);
        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("after today (2026-02-17 in Beijing)", decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §3, §5: a renewal or upgrade names the certificate it replaces; the profile must exist and be in force.
    [Fact]
    public void Submission_with_missing_or_inconsistent_facts_is_refused()
    {
        var app = new ApplicationDriver();
        var renewal = ApplicationDriver.Submission(Date("2026-02-13"), kind: ApplicationKind.Renewal);

        Assert.Contains("PreviousCertificateId", app.Decide(renewal).Reason, StringComparison.Ordinal);
        Assert.Contains("only a renewal or upgrade", app.Decide(ApplicationDriver.Submission(Date("2026-02-13"), previousCertificateId: "cert-0")).Reason, StringComparison.Ordinal);
        Assert.Contains("no profile 'ningxia-2099'", app.Decide(ApplicationDriver.Submission(Date("2026-02-13"), profileId: "ningxia-2099")).Reason, StringComparison.Ordinal);
        Assert.Contains("not in force on 2016-05-01", app.Decide(ApplicationDriver.Submission(Date("2016-05-01"))).Reason, StringComparison.Ordinal);
        Assert.Contains("EnterpriseId", app.Decide(ApplicationDriver.Submission(Date("2026-02-13")) with { EnterpriseId = " " }).Reason, StringComparison.Ordinal);
        Assert.Contains("does not cover industry", app.Decide(ApplicationDriver.Submission(Date("2026-02-13")) with { Industry = "chemicals" }).Reason, StringComparison.Ordinal);
    }

    // The engine's base class drops a timer whose token is not the one now set (STYLE.md, time and determinism).
    [Fact]
    public void Timer_with_an_unknown_token_is_ignored()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var decision = app.Decide(new TimerFired(ApplicationWorkflow.MaterialReviewDueTimer, "material-review-due#99"), Instant.FromUtc(2026, 3, 6, 0, 0));

        Assert.Equal(Outcome.Ignored, decision.Outcome);
    }
}
