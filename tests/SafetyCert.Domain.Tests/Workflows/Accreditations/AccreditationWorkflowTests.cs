using NodaTime;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Accreditations;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Tests.Workflows.Accreditations;

public class AccreditationWorkflowTests
{
    private static readonly LocalDate GrantedOn = new(2025, 4, 1);

    private static WorkflowDriver<AccreditationState> Granted()
    {
        var driver = new WorkflowDriver<AccreditationState>(new AccreditationWorkflow(WorkflowDriver<AccreditationState>.Calendar, TestProfiles.Catalog));
        Assert.Equal(Outcome.Applied, driver.Send(new AccreditationGranted("unit-7", "640100", Grade.Level2, TestProfiles.NationalId, GrantedOn), GrantedOn).Outcome);
        return driver;
    }

    // RULES.md §8 [004 §5]: two years from 2025-04-01 → valid through 2027-03-31; reminders 90 and 30 days before; lapse 2027-04-01.
    [Theory]
    [InlineData("reminder-90", 2026, 12, 31, 9)]
    [InlineData("reminder-30", 2027, 3, 1, 9)]
    [InlineData(AccreditationWorkflow.LapseTimer, 2027, 4, 1, 0)]
    public void Accreditation_granted_2025_04_01_sets_timers_on_exact_dates(string timerId, int year, int month, int day, int hour)
    {
        var driver = Granted();

        Assert.Equal(new LocalDate(2027, 3, 31), driver.State.ValidThrough);
        Assert.Equal(ShanghaiTime.At(new LocalDate(year, month, day), new LocalTime(hour, 0)), driver.State.Timers.Active[timerId].DueAt);
    }

    // RULES.md §8 [004 §5]: an unrenewed unit lapses and gets no new assignments; the organization is told.
    [Fact]
    public void Unrenewed_accreditation_lapses_and_the_unit_is_not_assignable()
    {
        var driver = Granted();

        var notices = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 4, 2))).SelectMany(d => d.Effects.OfType<Notify>()).ToList();

        Assert.Equal(
            [new LocalDate(2026, 12, 31), new LocalDate(2027, 3, 1)],
            notices.Where(n => n.Kind == NoticeKinds.AccreditationExpiring && n.Recipient == Party.ReviewUnit).Select(n => n.DueDate));
        Assert.Contains(notices, n => n.Kind == NoticeKinds.AccreditationLapsed && n.Recipient == Party.ReviewOrganization && n.DueDate == new LocalDate(2027, 4, 1));
        Assert.Equal(AccreditationStatus.Lapsed, driver.State.Stage);
        Assert.False(driver.State.Assignable);
        Assert.False(driver.State.IsFinal);
    }

    // RULES.md §8 [004 §5]: re-accreditation before expiry continues the term without a gap; after a lapse it starts afresh.
    [Theory]
    [InlineData(2027, 3, 1, 2029, 3, 31)]
    [InlineData(2027, 5, 10, 2029, 5, 9)]
    public void Reaccreditation_extends_the_term(int year, int month, int day, int endYear, int endMonth, int endDay)
    {
        var driver = Granted();
        var on = new LocalDate(year, month, day);
        driver.RunUntil(ShanghaiTime.StartOf(on));

        var decision = driver.Send(new Reaccredited(on), on);

        Assert.Equal(Outcome.Applied, decision.Outcome);
        Assert.Equal(new LocalDate(endYear, endMonth, endDay), driver.State.ValidThrough);
        Assert.True(driver.State.Assignable);
        Assert.Equal(ShanghaiTime.StartOf(new LocalDate(endYear, endMonth, endDay).PlusDays(1)), driver.State.Timers.Active[AccreditationWorkflow.LapseTimer].DueAt);
    }

    // RULES.md §8 [004 §5]: a unit struck off for a false report is done; its timers are cancelled and later events refused.
    [Fact]
    public void Struck_off_unit_is_final()
    {
        var driver = Granted();
        var lapse = driver.State.Timers.Active[AccreditationWorkflow.LapseTimer];

        var struck = driver.Send(new StruckOff(new LocalDate(2025, 10, 1), "False review report for ent-9"), new LocalDate(2025, 10, 1));

        Assert.Equal(AccreditationStatus.StruckOff, driver.State.Stage);
        Assert.Contains(new CancelTimer(lapse.Id, lapse.Token), struck.Effects);
        Assert.Equal(Outcome.Rejected, driver.Send(new Reaccredited(new LocalDate(2026, 1, 1)), new LocalDate(2026, 1, 1)).Outcome);
        Assert.Equal(Outcome.Ignored, driver.Send(new TimerFired(lapse.Id, lapse.Token), lapse.DueAt).Outcome);
    }
}
