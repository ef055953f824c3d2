using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Remediation;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

public class ReviewClockTests
{
    // RULES.md §4.3, seed 000 §3(2)1 and convention "counting": accepted + 3 calendar months (clamped to the
    // month's end) + the days spent in remediation (from its first day up to the day it ended).
    [Theory]
    [InlineData("2026-01-31", null, null, "2026-04-30")]
    [InlineData("2026-01-31", "2026-02-03", "2026-02-13", "2026-05-10")]
    [InlineData("2026-11-30", null, null, "2027-02-28")]
    [InlineData("2026-03-15", "2026-04-01", "2026-04-06", "2026-06-20")]
    [InlineData("2025-11-30", "2025-12-01", "2025-12-31", "2026-03-30")]
    public void Review_deadline_is_three_months_after_acceptance_plus_remediation(string accepted, string? paused, string? resumed, string due)
    {
        var app = new ApplicationDriver().UnderReview(Date(accepted));
        if (paused is not null)
        {
            app.Apply(new RemediationStarted(Date(paused)));
            app.Apply(new RemediationEnded(Date(resumed!)));
        }

        var deadline = app.Deadline(ApplicationWorkflow.ReviewDeadline);
        Assert.Equal(Date(due), deadline.Due);
        Assert.Equal("RULES.md §4.3 [000 §3(2)1]", deadline.Rule);
        Assert.Equal(ShanghaiTime.EndOf(Date(due)), app.State.Timers.Active[ApplicationWorkflow.ReviewDueTimer].DueAt);
        Assert.Equal(ShanghaiTime.ReminderOn(Date(due).PlusDays(-14)), app.State.Timers.Active[ApplicationWorkflow.ReviewWarningTimer].DueAt);
    }

    // RULES.md §4.3, seed 000 §3(2)1: remediation time does not count; two pauses add up.
    [Fact]
    public void Two_remediation_pauses_both_move_the_deadline()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));

        app.Apply(new RemediationStarted(Date("2026-02-03")));
        app.Apply(new RemediationEnded(Date("2026-02-13")));
        app.Apply(new RemediationStarted(Date("2026-03-02")));
        app.Apply(new RemediationEnded(Date("2026-03-07")));

        Assert.Equal(15, app.State.RemediationDays);
        Assert.Equal(Date("2026-05-15"), app.Deadline(ApplicationWorkflow.ReviewDeadline).Due);
    }

    // RULES.md §4.3, seed 000 §3(2)1: while the enterprise remediates, nothing about the review deadline may fire.
    [Fact]
    public void Remediation_stops_the_review_timers_and_a_timer_set_before_it_is_stale()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));
        var before = app.State.Timers.Active[ApplicationWorkflow.ReviewDueTimer];

        var paused = app.Apply(new RemediationStarted(Date("2026-02-03")));

        Assert.Equal(ApplicationStatus.InRemediation, app.State.Stage);
        Assert.Equal(
            [ApplicationWorkflow.ReviewWarningTimer, ApplicationWorkflow.ReviewDueTimer],
            paused.Effects.OfType<CancelTimer>().Select(c => c.TimerId));
        Assert.DoesNotContain(app.State.Deadlines, d => d.Name == ApplicationWorkflow.ReviewDeadline);

        app.Apply(new RemediationEnded(Date("2026-02-13")));
        var after = app.State.Timers.Active[ApplicationWorkflow.ReviewDueTimer];
        Assert.NotEqual(before.Token, after.Token);
        Assert.Equal(Outcome.Ignored, app.Decide(new TimerFired(before.Id, before.Token), before.DueAt).Outcome);
    }

    // RULES.md §4.3; profile convention: the review unit is warned 14 days before.
    [Fact]
    public void Review_warning_goes_to_the_assigned_unit()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));

        var notice = Assert.Single(app.Fire(ApplicationWorkflow.ReviewWarningTimer).Effects.OfType<Notify>());

        Assert.Equal((NoticeKinds.ReviewDueSoon, Party.ReviewUnit, NoticeClass.Routine), (notice.Kind, notice.Recipient, notice.Class));
        Assert.Equal("2026-04-30", notice.Facts["deadline"]);
        Assert.Equal("unit-7", notice.Facts["reviewUnitId"]);
    }

    // RULES.md §4.3, seed 000 §3(2)1: an overdue review goes to the organization and the regulator.
    [Fact]
    public void Overdue_review_is_escalated_to_the_organization_and_the_regulator()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));

        var notices = app.Fire(ApplicationWorkflow.ReviewDueTimer).Effects.OfType<Notify>().ToList();

        Assert.Equal([Party.ReviewOrganization, Party.Regulator], notices.Select(n => n.Recipient));
        Assert.All(notices, n => Assert.Equal((NoticeKinds.ReviewOverdue, NoticeClass.Mandatory, Date("2026-04-30")), (n.Kind, n.Class, n.DueDate)));
    }

    // RULES.md §4.2, seed 000 §3(2)1: the drawn unit learns its deadline.
    [Fact]
    public void Assignment_records_the_draw_and_tells_the_unit_its_deadline()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-01-20"));
        app.Apply(new MaterialReviewAccepted(Date("2026-01-31")));

        var decision = app.Apply(new ReviewUnitAssigned("unit-3", "draw-2026-0131-17", Date("2026-02-02")));

        Assert.Equal(("unit-3", "draw-2026-0131-17"), (app.State.ReviewUnitId, app.State.DrawSeed));
        var notice = Assert.Single(decision.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.ReviewUnitAssigned, Party.ReviewUnit, NoticeClass.Mandatory, Date("2026-04-30")), (notice.Kind, notice.Recipient, notice.Class, notice.DueDate));
    }

    // RULES.md §4.4, seed 001 art.14: non-blocking problems get a deadline of at most the profile's 12 months.
    [Fact]
    public void Passing_report_with_non_blocking_findings_starts_a_remediation_workflow()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));

        var decision = app.Apply(new ReviewReportSubmitted(Date("2026-04-10"), Passed: true, "meets level 3", "fire exits poorly marked", Date("2027-04-10")));

        var start = Assert.Single(decision.Effects.OfType<StartWorkflow>());
        Assert.Equal(WorkflowKinds.Remediation, start.Kind);
        Assert.Equal("app-1-remediation-1", start.InstanceId);
        Assert.Equal(
            new RemediationOrdered("app-1-remediation-1", "ent-1", "640104", Grade.Level3, ApplicationDriver.National, null, "app-1", "fire exits poorly marked", Date("2026-04-10"), Date("2027-04-10")),
            start.Start);
        Assert.Equal(ApplicationStatus.ReportAudit, app.State.Stage);
        Assert.Empty(app.State.Timers.Active);
    }

    // RULES.md §4.4, seed 001 art.14.
    [Theory]
    [InlineData("2027-04-11")] // one day past 12 months
    [InlineData("2026-04-10")] // not after the report
    [InlineData(null)] // missing
    public void Remediation_deadline_outside_the_limit_is_refused(string? deadline)
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));

        var decision = app.Decide(new ReviewReportSubmitted(Date("2026-04-10"), Passed: true, "meets level 3", "fire exits poorly marked", deadline is null ? null : Date(deadline)));

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("2027-04-10", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("001 art.14", decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §4.5, seed 000 §3(2)2: a returned report needs reasons; the review resumes against its deadline.
    [Fact]
    public void Returned_report_goes_back_to_the_unit_with_reasons_and_rearms_the_review_deadline()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));
        app.Apply(new ReviewReportSubmitted(Date("2026-04-10"), Passed: true, "meets level 3"));

        Assert.Equal(Outcome.Rejected, app.Decide(new ReportAudited(Date("2026-04-13"), Forwarded: false)).Outcome);
        var decision = app.Apply(new ReportAudited(Date("2026-04-13"), Forwarded: false, "photos of findings unsigned"));

        Assert.Equal(ApplicationStatus.UnderReview, app.State.Stage);
        Assert.Equal(1, app.State.ReportReturns);
        Assert.Equal(Date("2026-04-30"), app.Deadline(ApplicationWorkflow.ReviewDeadline).Due);
        Assert.Contains(ApplicationWorkflow.ReviewDueTimer, app.State.Timers.Active.Keys);
        var notice = Assert.Single(decision.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.ReportReturned, Party.ReviewUnit, "RULES.md §4.5 [000 §3(2)2]"), (notice.Kind, notice.Recipient, notice.Rule));
        Assert.Equal("photos of findings unsigned", notice.Facts["reasons"]);
    }

    // RULES.md §4.5, seed 000 §3(2)2: only a passing report is forwarded.
    [Fact]
    public void Failing_report_cannot_be_forwarded_to_the_regulator()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));
        app.Apply(new ReviewReportSubmitted(Date("2026-04-10"), Passed: false, "hazard ledger missing"));

        var decision = app.Decide(new ReportAudited(Date("2026-04-13"), Forwarded: true));

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("failing report", decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §4.3, §4.5: a report returned after the warning day gets no late "due soon", only the deadline timer.
    [Fact]
    public void Report_returned_after_the_warning_day_rearms_only_the_deadline_timer()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));
        app.Apply(new ReviewReportSubmitted(Date("2026-04-20"), Passed: true, "meets level 3"));

        app.Apply(new ReportAudited(Date("2026-04-22"), Forwarded: false, "panel signatures missing"));

        Assert.Equal([ApplicationWorkflow.ReviewDueTimer], app.State.Timers.Active.Keys);
    }
}
