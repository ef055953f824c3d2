using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

public class FailureTests
{
    // RULES.md §4.9, seed 001 art.15: fixed and reapplied within 3 months, only the fixed items are reviewed again.
    [Theory]
    [InlineData("2026-05-20", "2026-08-20")]
    [InlineData("2026-11-30", "2027-02-28")] // clamped to the month's end
    [InlineData("2026-03-31", "2026-06-30")]
    public void Failed_review_opens_the_partial_re_review_window(string failed, string windowEnds)
    {
        var app = new ApplicationDriver().UnderReview(Date(failed).PlusDays(-20));

        var decision = app.Apply(new ReviewFailed(Date(failed), Party.ReviewUnit, "no hazard ledger; drills not held"));

        Assert.Equal(ApplicationStatus.Failed, app.State.Stage);
        Assert.True(app.State.IsFinal);
        var window = Assert.Single(app.State.Deadlines);
        Assert.Equal(ApplicationWorkflow.PartialReReviewDeadline, window.Name);
        Assert.Equal(Date(windowEnds), window.Due);
        Assert.Equal("RULES.md §4.9 [convention: 001 art.15]", window.Rule);
        Assert.Empty(app.State.Timers.Active);
        Assert.Equal(2, decision.Effects.OfType<CancelTimer>().Count());
        var notice = Assert.Single(decision.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.ApplicationFailed, Party.Enterprise, NoticeClass.Mandatory), (notice.Kind, notice.Recipient, notice.Class));
        Assert.Equal(windowEnds, notice.Facts["deadline"]);
        Assert.Equal("no hazard ledger; drills not held", notice.Facts["findings"]);
    }

    // RULES.md §4.9: a failed application is final; the enterprise reapplies with a new one.
    [Fact]
    public void Failed_application_takes_no_further_event()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-04-01"));
        app.Apply(new ReviewFailed(Date("2026-05-20"), Party.ReviewUnit, "no hazard ledger"));

        var decision = app.Decide(new ReviewReportSubmitted(Date("2026-05-21"), Passed: true, "fixed"));

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("Failed", decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §1, §4.9: only the review unit or the organization concludes a review; findings are required.
    [Fact]
    public void Failure_from_another_party_or_without_findings_is_refused()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-04-01"));

        Assert.Equal(Outcome.Rejected, app.Decide(new ReviewFailed(Date("2026-05-20"), Party.Regulator, "no ledger")).Outcome);
        Assert.Equal(Outcome.Rejected, app.Decide(new ReviewFailed(Date("2026-05-20"), Party.ReviewUnit, "")).Outcome);
    }

    // RULES.md §4.9, seed 001 art.15: the reapplication names the failed one so its review covers only fixed items.
    [Fact]
    public void Reapplication_records_the_failed_application_it_builds_on()
    {
        var app = new ApplicationDriver();

        app.Apply(ApplicationDriver.Submission(Date("2026-07-01"), applicationId: "app-2") with { PartialReReviewOf = "app-1" });

        Assert.Equal("app-1", app.State.PartialReReviewOf);
    }

    // A withdrawal stops every clock.
    [Fact]
    public void Withdrawal_cancels_every_timer_and_tells_the_organization()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-04-01"));

        var decision = app.Apply(new Withdrawn(Date("2026-04-20"), "plant to be sold"));

        Assert.Equal(ApplicationStatus.Withdrawn, app.State.Stage);
        Assert.Empty(app.State.Timers.Active);
        Assert.Empty(app.State.Deadlines);
        Assert.Equal(2, decision.Effects.OfType<CancelTimer>().Count());
        Assert.Contains(decision.Effects.OfType<Notify>(), n => n.Kind == NoticeKinds.ApplicationWithdrawn && n.Recipient == Party.ReviewOrganization);
    }
}
