using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.SelfAssessments;

namespace SafetyCert.Domain.Tests.Workflows.SelfAssessments;

public class SelfAssessmentWorkflowTests
{
    private static WorkflowDriver<SelfAssessmentState> Opened2026()
    {
        var driver = new WorkflowDriver<SelfAssessmentState>(new SelfAssessmentWorkflow(WorkflowDriver<SelfAssessmentState>.Calendar, TestProfiles.Catalog));
        Assert.Equal(Outcome.Applied, driver.Send(new SelfAssessmentYearOpened("ent-1", "640104", Grade.Level3, 2026, TestProfiles.NationalId), new LocalDate(2026, 1, 1)).Outcome);
        return driver;
    }

    private static SelfAssessmentSubmitted Report(LocalDate on) => new(on, 86.5m, Grade.Level2, true, false, "doc-sa-2026");

    // RULES.md §2 convention, seed 001 art.3: reminders Dec 1, 15, 28 at 09:00; overdue at the start of Jan 1.
    [Theory]
    [InlineData("reminder-12-01", 2026, 12, 1, 9)]
    [InlineData("reminder-12-15", 2026, 12, 15, 9)]
    [InlineData("reminder-12-28", 2026, 12, 28, 9)]
    [InlineData(SelfAssessmentWorkflow.OverdueTimer, 2027, 1, 1, 0)]
    public void Year_2026_sets_reminders_and_overdue_on_exact_dates(string timerId, int year, int month, int day, int hour)
    {
        var driver = Opened2026();

        Assert.Equal(ShanghaiTime.At(new LocalDate(year, month, day), new LocalTime(hour, 0)), driver.State.Timers.Active[timerId].DueAt);
    }

    // RULES.md §2 convention: an unsubmitted year is overdue on Jan 1 and the regulator's ledger is told.
    [Fact]
    public void Unsubmitted_year_is_reminded_three_times_then_overdue_on_january_1()
    {
        var driver = Opened2026();

        var notices = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 1, 2))).SelectMany(d => d.Effects.OfType<Notify>()).ToList();

        Assert.Equal(
            [new LocalDate(2026, 12, 1), new LocalDate(2026, 12, 15), new LocalDate(2026, 12, 28)],
            notices.Where(n => n.Kind == NoticeKinds.SelfAssessmentDue && n.Recipient == Party.Enterprise).Select(n => n.DueDate));
        var ledger = Assert.Single(notices, n => n.Kind == NoticeKinds.SelfAssessmentOverdue && n.Recipient == Party.Regulator);
        Assert.Equal(new LocalDate(2027, 1, 1), ledger.DueDate);
        Assert.Equal(SelfAssessmentStatus.Overdue, driver.State.Stage);
    }

    // RULES.md §2 [001 art.3]: a report by Dec 31 stops the reminders and the overdue mark.
    [Fact]
    public void Report_on_december_20_stops_remaining_reminders()
    {
        var driver = Opened2026();
        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2026, 12, 20)));

        var submitted = driver.Send(Report(new LocalDate(2026, 12, 20)), new LocalDate(2026, 12, 20));

        Assert.Equal(
            ["overdue", "reminder-12-28"],
            submitted.Effects.OfType<CancelTimer>().Select(c => c.TimerId).Order(StringComparer.Ordinal));
        Assert.Equal(SelfAssessmentStatus.Submitted, driver.State.Stage);
        Assert.False(driver.State.Late);
        Assert.True(driver.State.IsFinal);
        Assert.Equal((86.5m, Grade.Level2, true, false), (driver.State.Score, driver.State.SelfAssessedGrade, driver.State.PostedInternally, driver.State.AppliesForReview));
    }

    // RULES.md §2 convention: a report after Jan 1 is accepted and stays marked late.
    [Fact]
    public void Late_report_is_accepted_and_stays_late()
    {
        var driver = Opened2026();
        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 1, 2)));

        var late = driver.Send(Report(new LocalDate(2027, 1, 10)), new LocalDate(2027, 1, 10));

        Assert.Equal(Outcome.Applied, late.Outcome);
        Assert.Equal(SelfAssessmentStatus.SubmittedLate, driver.State.Stage);
        Assert.True(driver.State.Late);
    }

    // RULES.md §2 [001 annex 1]: the report carries a score; out-of-range values are refused.
    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Score_outside_0_to_100_is_rejected(double score)
    {
        var driver = Opened2026();

        var decision = driver.Send(Report(new LocalDate(2026, 12, 5)) with { Score = (decimal)score }, new LocalDate(2026, 12, 5));

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Equal(SelfAssessmentStatus.Open, driver.State.Stage);
    }

    // A year opened mid-December gets only the reminders still ahead.
    [Fact]
    public void Year_opened_on_december_16_skips_past_reminders()
    {
        var driver = new WorkflowDriver<SelfAssessmentState>(new SelfAssessmentWorkflow(WorkflowDriver<SelfAssessmentState>.Calendar, TestProfiles.Catalog));

        driver.Send(new SelfAssessmentYearOpened("ent-2", "640104", Grade.Level3, 2026, TestProfiles.NationalId), new LocalDate(2026, 12, 16));

        Assert.Equal(["overdue", "reminder-12-28"], driver.State.Timers.Active.Keys);
    }

    // RULES.md §2: the notices cite the due date's source as the profile gives it; the national profile adopts Dec 31
    // as a convention, so its reminders say so rather than citing [001 art.3] as their own.
    [Fact]
    public void Reminders_and_the_overdue_mark_cite_the_profiles_own_source_for_the_date()
    {
        var driver = Opened2026();

        var notices = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 1, 2))).SelectMany(d => d.Effects.OfType<Notify>()).ToList();

        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.StartsWith("RULES.md §2 [convention: 001 art.3 (year-end report), applied nationwide]", n.Rule, StringComparison.Ordinal));
    }

    // RULES.md §2: the report deadline cites the enterprise's profile (Ningxia's own article, a convention elsewhere).
    [Theory]
    [InlineData("ningxia-2017", "640104", "RULES.md §2 [001 art.3]")]
    [InlineData("beijing-2015", "110105", "RULES.md §2 [convention: 001 art.3 (year-end report)]")]
    public void Report_deadline_cites_the_profile_that_applies(string profileId, string region, string expected)
    {
        var driver = new WorkflowDriver<SelfAssessmentState>(new SelfAssessmentWorkflow(WorkflowDriver<SelfAssessmentState>.Calendar, SafetyCert.Domain.Profiles.ProfileCatalog.Embedded));

        Assert.Equal(Outcome.Applied, driver.Send(new SelfAssessmentYearOpened("ent-1", region, Grade.Level3, 2026, profileId), new LocalDate(2026, 1, 1)).Outcome);

        Assert.Equal(expected, Assert.Single(driver.State.Deadlines).Rule);
    }
}
