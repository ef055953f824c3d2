using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

public class PublicNoticeTests
{
    // RULES.md §4.7, seed 001 art.15 and convention "counting": notice published on D may close at the end of
    // the 5th working day after D.
    [Theory]
    [InlineData("2026-03-02", "2026-03-09")] // Monday to Monday
    [InlineData("2026-02-13", "2026-02-27")] // Feb 14 worked, Feb 15–23 Spring Festival
    [InlineData("2026-09-30", "2026-10-13")] // Oct 1–7 National Day, Oct 10 worked
    [InlineData("2026-04-03", "2026-04-13")] // Apr 4–6 Qingming
    public void Notice_closes_on_the_fifth_working_day_after_publication(string published, string closes)
    {
        var app = new ApplicationDriver().OnNotice(Date(published));

        var deadline = app.Deadline(ApplicationWorkflow.PublicNoticeDeadline);
        Assert.Equal(Date(closes), deadline.Due);
        Assert.Equal(Date(closes), app.State.NoticeClosesOn);
        Assert.Equal("RULES.md §4.7 [convention: 001 art.15]", deadline.Rule);
        Assert.Equal(ShanghaiTime.EndOf(Date(closes)), app.State.Timers.Active[ApplicationWorkflow.PublicNoticeClosesTimer].DueAt);
    }

    // RULES.md §4.7–§4.8: the announcement waits until the notice has run.
    [Fact]
    public void Announcement_on_the_closing_day_is_refused_with_the_first_allowed_date()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-02-13"));

        var early = app.Decide(new Announced(Date("2026-02-27")));

        Assert.Equal(Outcome.Rejected, early.Outcome);
        Assert.Contains("runs through 2026-02-27", early.Reason, StringComparison.Ordinal);
        Assert.Contains("2026-02-28 or later", early.Reason, StringComparison.Ordinal);
        app.Apply(new Announced(Date("2026-02-28")));
        Assert.Equal(ApplicationStatus.Announced, app.State.Stage);
        Assert.Empty(app.State.Timers.Active);
    }

    // RULES.md §4.7: when the notice has run the regulator is told it may announce.
    [Fact]
    public void Notice_closing_timer_tells_the_regulator_from_when_it_may_announce()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-03-02"));

        var notice = Assert.Single(app.Fire(ApplicationWorkflow.PublicNoticeClosesTimer).Effects.OfType<Notify>());

        Assert.Equal((NoticeKinds.PublicNoticeClosed, Party.Regulator), (notice.Kind, notice.Recipient));
        Assert.Equal("2026-03-10", notice.Facts["announceFrom"]);
    }

    // RULES.md §4.7: an objection stops the clock. Published Mon Mar 2; Tue Mar 3 ran; the objection day (Wed Mar 4)
    // does not count. Dismissed Tue Mar 10, the remaining 4 working days run Mar 11, 12, 13, 16.
    [Fact]
    public void Objection_stops_the_notice_clock_and_the_remaining_days_run_after_its_resolution()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-03-02"));

        var raised = app.Apply(new ObjectionRaised("obj-1", Date("2026-03-04"), "accident in 2025 not declared"));

        Assert.Equal(ApplicationStatus.ObjectionPending, app.State.Stage);
        Assert.Equal(1, app.State.NoticeWorkingDaysRun);
        Assert.Null(app.State.NoticeClosesOn);
        Assert.DoesNotContain(app.State.Deadlines, d => d.Name == ApplicationWorkflow.PublicNoticeDeadline);
        Assert.Contains(raised.Effects.OfType<CancelTimer>(), c => c.TimerId == ApplicationWorkflow.PublicNoticeClosesTimer);
        Assert.Contains(raised.Effects.OfType<Notify>(), n => n.Kind == NoticeKinds.ObjectionRaised && n.Recipient == Party.Regulator && n.Class == NoticeClass.Mandatory);

        var pending = app.Decide(new Announced(Date("2026-03-10")));
        Assert.Equal(Outcome.Rejected, pending.Outcome);
        Assert.Contains("obj-1", pending.Reason, StringComparison.Ordinal);

        app.Apply(new ObjectionResolved("obj-1", Date("2026-03-10"), Upheld: false, "the 2025 incident caused no injury"));

        Assert.Equal(ApplicationStatus.PublicNotice, app.State.Stage);
        Assert.Equal(Date("2026-03-16"), app.Deadline(ApplicationWorkflow.PublicNoticeDeadline).Due);
        Assert.Equal(Outcome.Rejected, app.Decide(new Announced(Date("2026-03-16"))).Outcome);
        app.Apply(new Announced(Date("2026-03-17")));
    }

    // RULES.md §4.7: an objection on the day of publication leaves all 5 days to run after its resolution.
    [Fact]
    public void Objection_on_the_publication_day_leaves_the_full_notice_to_run()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-03-02"));

        app.Apply(new ObjectionRaised("obj-1", Date("2026-03-02"), "score inflated"));
        app.Apply(new ObjectionResolved("obj-1", Date("2026-03-03"), Upheld: false, "score checked"));

        Assert.Equal(0, app.State.NoticeWorkingDaysRun);
        Assert.Equal(Date("2026-03-10"), app.State.NoticeClosesOn);
    }

    // RULES.md §4.7: the clock stays stopped until every open objection is resolved.
    [Fact]
    public void Clock_resumes_only_when_the_last_open_objection_is_resolved()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-03-02"));
        app.Apply(new ObjectionRaised("obj-1", Date("2026-03-04"), "score inflated"));
        app.Apply(new ObjectionRaised("obj-2", Date("2026-03-05"), "consultant sat on the panel"));

        app.Apply(new ObjectionResolved("obj-1", Date("2026-03-06"), Upheld: false, "score checked"));
        Assert.Equal(ApplicationStatus.ObjectionPending, app.State.Stage);
        Assert.Equal(["obj-2"], app.State.OpenObjections);

        app.Apply(new ObjectionResolved("obj-2", Date("2026-03-09"), Upheld: false, "panel list checked"));
        Assert.Equal(Date("2026-03-13"), app.State.NoticeClosesOn); // 4 remaining: Mar 10, 11, 12, 13
    }

    // RULES.md §4.7: a repeated objection is the same fact stated twice.
    [Fact]
    public void Repeated_objection_is_ignored()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-03-02"));
        app.Apply(new ObjectionRaised("obj-1", Date("2026-03-04"), "score inflated"));

        Assert.Equal(Outcome.Ignored, app.Decide(new ObjectionRaised("obj-1", Date("2026-03-04"), "score inflated")).Outcome);
        Assert.Equal(Outcome.Rejected, app.Decide(new ObjectionResolved("obj-9", Date("2026-03-05"), Upheld: false, "?")).Outcome);
    }

    // RULES.md §4.7, §4.9 [001 art.15]: an upheld objection fails the application; the partial re-review window runs.
    [Fact]
    public void Upheld_objection_fails_the_application()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-03-02"));
        app.Apply(new ObjectionRaised("obj-1", Date("2026-03-04"), "accident in 2025 not declared"));

        var decision = app.Apply(new ObjectionResolved("obj-1", Date("2026-03-20"), Upheld: true, "a fatal accident in 2025 was concealed"));

        Assert.Equal(ApplicationStatus.Failed, app.State.Stage);
        Assert.True(app.State.IsFinal);
        Assert.Equal(Date("2026-06-20"), app.Deadline(ApplicationWorkflow.PartialReReviewDeadline).Due);
        var notice = Assert.Single(decision.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.ApplicationFailed, Party.Enterprise, NoticeClass.Mandatory), (notice.Kind, notice.Recipient, notice.Class));
        Assert.Contains("obj-1", notice.Facts["findings"], StringComparison.Ordinal);
    }
}
