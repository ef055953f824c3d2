using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using ProfileDate = SafetyCert.Domain.Profiles.AnnualDate;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

/// <summary>
/// Drives one application instance the way the engine does: each event is decided at 10:00 Beijing time on
/// the date it reports, and an applied decision's state becomes the next state.
/// </summary>
internal sealed class ApplicationDriver
{
    public const string National = "national-non-coal-mine-2017";
    public const string Beijing = "beijing-2015";

    public ApplicationDriver()
    {
        Workflow = new ApplicationWorkflow(WorkingDayCalendar.China, Catalog);
        State = Workflow.Initial;
    }

    /// <summary>The embedded national profile, and a Beijing profile that re-verifies level 2 [004 §2].</summary>
    public static ProfileCatalog Catalog { get; } = CreateCatalog();

    public ApplicationWorkflow Workflow { get; }

    public ApplicationState State { get; private set; }

    public Decision Last { get; private set; } = Decision.Ignore("nothing decided yet");

    public static Instant At(LocalDate date) => ShanghaiTime.At(date, new LocalTime(10, 0));

    public static ApplicationSubmitted Submission(
        LocalDate receivedOn,
        Grade grade = Grade.Level3,
        string profileId = National,
        ApplicationKind kind = ApplicationKind.Initial,
        string? previousCertificateId = null,
        string applicationId = "app-1") =>
        new(applicationId, "ent-1", profileId == Beijing ? "110105" : "640104", profileId == Beijing ? "machinery" : "non-coal-mine",
            grade, kind, profileId, receivedOn, LicenceRequired: true, PreviousCertificateId: previousCertificateId);

    /// <summary>Decides without keeping the result; <paramref name="now"/> defaults to the event's own date.</summary>
    public Decision Decide(WorkflowEvent @event, Instant? now = null) =>
        Workflow.Decide(State, @event, now ?? At(DateOf(@event)));

    /// <summary>Decides and requires the event to be applied.</summary>
    public Decision Apply(WorkflowEvent @event, Instant? now = null)
    {
        var decision = Decide(@event, now);
        Assert.True(decision.Outcome == Outcome.Applied, $"{@event.GetType().Name} was {decision.Outcome}: {decision.Reason}");
        State = decision.StateAs<ApplicationState>();
        Last = decision;
        return decision;
    }

    /// <summary>Fires the timer now set under an id, at its due instant.</summary>
    public Decision Fire(string timerId)
    {
        var timer = State.Timers.Active[timerId];
        return Apply(new TimerFired(timer.Id, timer.Token), timer.DueAt);
    }

    public Deadline Deadline(string name) => Assert.Single(State.Deadlines, d => d.Name == name);

    // Steps to reach a point on the timeline; each test then asserts only what it is about.
    public ApplicationDriver Submitted(LocalDate receivedOn, Grade grade = Grade.Level3, string profileId = National)
    {
        Apply(Submission(receivedOn, grade, profileId));
        return this;
    }

    public ApplicationDriver UnderReview(LocalDate acceptedOn, Grade grade = Grade.Level3, string profileId = National)
    {
        Submitted(acceptedOn.PlusDays(-7), grade, profileId);
        Apply(new MaterialReviewAccepted(acceptedOn));
        Apply(new ReviewUnitAssigned("unit-7", "seed-42", acceptedOn));
        return this;
    }

    public ApplicationDriver Forwarded(LocalDate forwardedOn, Grade grade = Grade.Level3, string profileId = National)
    {
        UnderReview(forwardedOn.PlusDays(-30), grade, profileId);
        Apply(new ReviewReportSubmitted(forwardedOn.PlusDays(-2), Passed: true, "meets level 3 on every element"));
        Apply(new ReportAudited(forwardedOn, Forwarded: true));
        return this;
    }

    public ApplicationDriver OnNotice(LocalDate publishedOn)
    {
        Forwarded(publishedOn.PlusDays(-3));
        Apply(new PublicNoticePublished(publishedOn));
        return this;
    }

    private static LocalDate DateOf(WorkflowEvent @event) =>
        @event.GetType().GetProperties().Where(p => p.PropertyType == typeof(LocalDate)).Select(p => (LocalDate)p.GetValue(@event)!).FirstOrDefault(
            ShanghaiTime.DateOf(Instant.FromUtc(2026, 1, 1, 0, 0)));

    // Built here rather than read from the embedded files, so these tests pin the numbers they assert on.
    private static ProfileCatalog CreateCatalog()
    {
        var national = new JurisdictionProfile
        {
            Id = National,
            Name = "国家安全监管总局 非煤矿山安全生产标准化 (安监总管一〔2017〕33号)",
            Seed = "000",
            EffectiveFrom = new LocalDate(2017, 3, 1),
            Regions = ["000000"],
            Industries = ["non-coal-mine"],
            AnnouncingRegulator = new(
                ImmutableSortedDictionary.CreateRange(new Dictionary<Grade, RegulatorLevel>
                {
                    [Grade.Level1] = RegulatorLevel.National,
                    [Grade.Level2] = RegulatorLevel.Provincial,
                    [Grade.Level3] = RegulatorLevel.Municipal,
                    [Grade.SmallMicro] = RegulatorLevel.Municipal,
                }),
                "000 §1(4)"),
            SelfAssessmentDue = new(new ProfileDate(12, 31), "convention: 001 art.3"),
            SelfAssessmentReminders = new([new ProfileDate(12, 1), new ProfileDate(12, 15), new ProfileDate(12, 28)], "convention: RULES.md §2"),
            MinimumSystemRunMonths = new(6, "000 §2(3)"),
            FatalAccidentLookbackYears = new(1, "convention: 001 art.10(4)"),
            AccidentReportYears = new(ByGrade(5, 3, 1, 1), "convention: 001 annex 2"),
            MaterialReviewWorkingDays = new(10, "000 §3(2)1"),
            MaterialReviewWarningWorkingDays = new(2, "convention: warn 2 working days before the deadline"),
            ReviewMonths = new(3, "000 §3(2)1"),
            ReviewWarningDays = new(14, "convention: warn 14 days before the review deadline"),
            RemediationMaxMonths = new(12, "convention: 001 art.14"),
            RemediationReminderDays = new([30, 7], "convention: remind 30 and 7 days before"),
            Level2Reverification = new(false, "convention: 000 has no level-2 re-verification step"),
            PublicNoticeWorkingDays = new(5, "convention: 001 art.15"),
            PartialReReviewMonths = new(3, "convention: 001 art.15"),
            FollowUpVisitMonths = new(12, "convention: 004 §4"),
            CertificateValidityYears = new(3, "000 §3(4)"),
            RenewalWindowMonths = new(3, "convention: RULES.md §6"),
            RenewalReminderDays = new([60, 30, 7, 1], "convention: RULES.md §6"),
            FatalAccidentDeaths = new(ByGrade(1, 2, 3, 3), "000 §3(4)"),
            RevocationBanYears = new(1, "convention: 001 art.21"),
            RecallReminderIntervalDays = new(7, "convention: RULES.md §7"),
            AccreditationYears = new(2, "convention: 004 §5"),
            AccreditationReminderDays = new([90, 30], "convention: remind 90 and 30 days before"),
            SpotCheckPercent = new(ByGrade(0, 30, 20, 10), "convention: 004 §8"),
        };
        var beijing = national with
        {
            Id = Beijing,
            Name = "北京市 安全生产标准化质量建设 (2015)",
            Seed = "004",
            EffectiveFrom = new LocalDate(2015, 4, 14),
            Regions = ["110000"],
            Industries = ["*"],
            Level2Reverification = new(true, "004 §2"),
        };
        return new ProfileCatalog([national, beijing]);
    }

    private static ImmutableSortedDictionary<Grade, int> ByGrade(int level1, int level2, int level3, int smallMicro) =>
        ImmutableSortedDictionary.CreateRange(new Dictionary<Grade, int>
        {
            [Grade.Level1] = level1,
            [Grade.Level2] = level2,
            [Grade.Level3] = level3,
            [Grade.SmallMicro] = smallMicro,
        });
}
