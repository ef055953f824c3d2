using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

public class MaterialReviewTests
{
    // RULES.md §4.1, seed 000 §3(2)1: due at the close of the 10th working day after receipt (receipt day not counted).
    [Theory]
    [InlineData("2026-02-13", "2026-03-05")] // Feb 14 and Feb 28 are working Saturdays; Feb 15–23 is the Spring Festival
    [InlineData("2026-01-05", "2026-01-19")] // a plain fortnight
    [InlineData("2025-09-26", "2025-10-16")] // Sep 28 and Oct 11 worked, Oct 1–8 off
    [InlineData("2026-12-30", "2027-01-13")] // runs into 2027, whose arrangement is not loaded
    public void Submission_sets_the_material_review_deadline(string received, string due)
    {
        var app = new ApplicationDriver().Submitted(Date(received));

        var deadline = app.Deadline(ApplicationWorkflow.MaterialReviewDeadline);
        Assert.Equal(Date(due), deadline.Due);
        Assert.Equal("RULES.md §4.1 [000 §3(2)1]", deadline.Rule);
        Assert.Equal(Date(due).Year == 2027, deadline.Provisional);
        Assert.Equal(ApplicationStatus.MaterialReview, app.State.Stage);
    }

    // RULES.md §4.1, seed 000 §3(2)1; profile convention: warn 2 working days before, escalate at the close of the due day.
    [Fact]
    public void Submission_on_2026_02_13_sets_a_warning_on_03_03_and_an_expiry_at_the_close_of_03_05()
    {
        var app = new ApplicationDriver();

        var decision = app.Apply(ApplicationDriver.Submission(Date("2026-02-13")));

        var timers = decision.Effects.OfType<SetTimer>().ToDictionary(t => t.TimerId);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 1, 0), timers[ApplicationWorkflow.MaterialReviewWarningTimer].DueAt); // 09:00 Beijing
        Assert.Equal(Instant.FromUtc(2026, 3, 5, 16, 0), timers[ApplicationWorkflow.MaterialReviewDueTimer].DueAt); // midnight after Mar 5, Beijing
        var received = decision.Effects.OfType<Notify>().Where(n => n.Kind == NoticeKinds.ApplicationReceived).ToList();
        Assert.Contains(received, n => n.Recipient == Party.ReviewOrganization && n.DueDate == Date("2026-03-05"));
        Assert.Contains(received, n => n.Recipient == Party.Enterprise);
    }

    // RULES.md §4.1: the organization is warned before the deadline (profile convention).
    [Fact]
    public void Warning_timer_notifies_the_review_organization()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var decision = app.Fire(ApplicationWorkflow.MaterialReviewWarningTimer);

        var notice = Assert.Single(decision.Effects.OfType<Notify>());
        Assert.Equal(NoticeKinds.MaterialReviewDueSoon, notice.Kind);
        Assert.Equal(Party.ReviewOrganization, notice.Recipient);
        Assert.Equal(NoticeClass.Routine, notice.Class);
        Assert.Equal("2026-03-05", notice.Facts["deadline"]);
        Assert.DoesNotContain(ApplicationWorkflow.MaterialReviewWarningTimer, app.State.Timers.Active.Keys);
    }

    // RULES.md §4.1, seed 000 §3(2)1: an unanswered material review is overdue to the organization and escalated to the regulator.
    [Fact]
    public void Unanswered_material_review_is_escalated_to_the_regulator_as_mandatory()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var decision = app.Fire(ApplicationWorkflow.MaterialReviewDueTimer);

        var notices = decision.Effects.OfType<Notify>().ToList();
        Assert.Equal([Party.ReviewOrganization, Party.Regulator], notices.Select(n => n.Recipient));
        Assert.All(notices, n =>
        {
            Assert.Equal(NoticeKinds.MaterialReviewOverdue, n.Kind);
            Assert.Equal(NoticeClass.Mandatory, n.Class);
            Assert.Equal("RULES.md §4.1 [000 §3(2)1]", n.Rule);
            Assert.Equal(Date("2026-03-05"), n.DueDate);
            Assert.Equal("app-1", n.Facts["applicationId"]);
            Assert.Equal("ent-1", n.Facts["enterpriseId"]);
            Assert.Equal("Level3", n.Facts["grade"]);
            Assert.Equal("2026-03-05", n.Facts["deadline"]);
        });
    }

    // RULES.md §4.1–§4.3: acceptance ends the material review clock and starts the review clock.
    [Fact]
    public void Acceptance_cancels_the_material_review_timers_and_a_late_one_is_ignored()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));
        var due = app.State.Timers.Active[ApplicationWorkflow.MaterialReviewDueTimer];

        var decision = app.Apply(new MaterialReviewAccepted(Date("2026-03-02")));

        Assert.Equal(
            [ApplicationWorkflow.MaterialReviewWarningTimer, ApplicationWorkflow.MaterialReviewDueTimer],
            decision.Effects.OfType<CancelTimer>().Select(c => c.TimerId));
        Assert.Equal(ApplicationStatus.AwaitingAssignment, app.State.Stage);
        Assert.DoesNotContain(app.State.Deadlines, d => d.Name == ApplicationWorkflow.MaterialReviewDeadline);
        var late = app.Decide(new TimerFired(due.Id, due.Token), due.DueAt);
        Assert.Equal(Outcome.Ignored, late.Outcome);
    }

    // RULES.md §4.1, seed 001 art.11: a rejection is in writing with reasons.
    [Fact]
    public void Rejection_without_reasons_is_refused()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var decision = app.Decide(new MaterialReviewRejected(Date("2026-02-27"), "  "));

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("001 art.11", decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §4.1, seed 001 art.11.
    [Fact]
    public void Rejection_with_reasons_ends_the_application_and_tells_the_enterprise()
    {
        var app = new ApplicationDriver().Submitted(Date("2026-02-13"));

        var decision = app.Apply(new MaterialReviewRejected(Date("2026-02-27"), "licence copy missing"));

        Assert.Equal(ApplicationStatus.Rejected, app.State.Stage);
        Assert.True(app.State.IsFinal);
        Assert.Empty(app.State.Timers.Active);
        Assert.Equal(2, decision.Effects.OfType<CancelTimer>().Count());
        var notice = Assert.Single(decision.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.ApplicationRejected, Party.Enterprise, NoticeClass.Mandatory), (notice.Kind, notice.Recipient, notice.Class));
        Assert.Equal("licence copy missing", notice.Facts["reasons"]);
    }
}
