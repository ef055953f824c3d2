using SafetyCert.Domain.Grading;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;

namespace SafetyCert.Domain.Workflows.SelfAssessments;

/// <summary>
/// One enterprise's yearly self-assessment (RULES.md §2): reminders on the profile's dates, the report
/// by the due date [001 art.3], and at the start of the next day an unsubmitted year is marked overdue and
/// the regulator's ledger told. A report after that is accepted and stays marked late.
/// </summary>
public sealed class SelfAssessmentWorkflow(WorkingDayCalendar calendar, ProfileCatalog profiles) : Workflow<SelfAssessmentState>
{
    /// <summary>Prefix of the reminder timers; the suffix is the reminder's <c>MM-dd</c>.</summary>
    public const string ReminderTimerPrefix = "reminder-";

    /// <summary>Fires at the start of the day after the due date.</summary>
    public const string OverdueTimer = "overdue";

    public override string Kind => WorkflowKinds.SelfAssessment;

    public override SelfAssessmentState Initial { get; } = new();

    /// <summary>The calendar the workflow was built with; self-assessment dates are calendar dates.</summary>
    public WorkingDayCalendar Calendar { get; } = calendar;

    /// <summary>The conventional instance id of an enterprise's year.</summary>
    public static string InstanceId(string enterpriseId, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"{enterpriseId}-{year}");

    protected override ImmutableSortedDictionary<string, string> ScopeFacts(SelfAssessmentState state) =>
        NoticeFacts.Scope(state.EnterpriseId, state.RegionCode, state.Grade, regulatorLevel: Jurisdiction.TierOf(profiles, state.ProfileId, state.Grade));

    protected override Decision Decide(SelfAssessmentState state, WorkflowEvent @event, Instant now) =>
        (state.Stage, @event) switch
        {
            (SelfAssessmentStatus.NotOpened, SelfAssessmentYearOpened opened) => Open(opened, now),
            (SelfAssessmentStatus.NotOpened, _) => Reject(state, @event, nameof(SelfAssessmentYearOpened)),
            (_, SelfAssessmentYearOpened) => Decision.Ignore($"Self-assessment {state.EnterpriseId} {state.Year} is already open."),
            (_, SelfAssessmentSubmitted submitted) => Submit(state, submitted),
            (_, TimerFired { TimerId: OverdueTimer } fired) => MarkOverdue(state, fired),
            (_, TimerFired fired) when fired.TimerId.StartsWith(ReminderTimerPrefix, StringComparison.Ordinal) => Remind(state, fired),
            _ => Reject(state, @event, $"{nameof(SelfAssessmentSubmitted)} or its timers"),
        };

    private Decision Open(SelfAssessmentYearOpened opened, Instant now)
    {
        if (string.IsNullOrWhiteSpace(opened.EnterpriseId) || opened.Year is < 2000 or > 9998)
        {
            return Decision.Reject($"{nameof(SelfAssessmentYearOpened)} needs an enterprise id and a year from 2000; got '{opened.EnterpriseId}', {opened.Year}.");
        }

        if (NoticeFacts.ScopeProblem(opened.RegionCode, opened.Grade) is { } scopeProblem)
        {
            return Decision.Reject($"{nameof(SelfAssessmentYearOpened)} {scopeProblem}");
        }

        JurisdictionProfile profile;
        try
        {
            profile = profiles.Get(opened.ProfileId, new LocalDate(opened.Year, 1, 1));
        }
        catch (ProfileNotFoundException e)
        {
            return Decision.Reject(e.Message);
        }

        var due = profile.SelfAssessmentDue.Value.In(opened.Year);
        var effects = new List<Effect>();
        var timers = TimerBook.Empty;
        foreach (var reminder in profile.SelfAssessmentReminders.Value.OrderBy(r => r.Month).ThenBy(r => r.Day))
        {
            var at = ShanghaiTime.ReminderOn(reminder.In(opened.Year));
            if (at > now)
            {
                timers = timers.Set(ReminderTimerPrefix + reminder, at, $"self-assessment reminder {reminder.In(opened.Year):yyyy-MM-dd}", effects);
            }
        }

        timers = timers.Set(OverdueTimer, ShanghaiTime.StartOf(due.PlusDays(1)), $"self-assessment overdue after {due:yyyy-MM-dd}", effects);
        return Decision.Apply(
            new SelfAssessmentState
            {
                Stage = SelfAssessmentStatus.Open,
                EnterpriseId = opened.EnterpriseId,
                Year = opened.Year,
                RegionCode = opened.RegionCode,
                Grade = opened.Grade,
                ProfileId = profile.Id,
                DueOn = due,
                DueRule = DueRule(profile),
                Timers = timers,
            },
            effects);
    }

    private static Decision Submit(SelfAssessmentState state, SelfAssessmentSubmitted submitted)
    {
        if (string.IsNullOrWhiteSpace(submitted.ReportDocumentId))
        {
            return Decision.Reject("A self-assessment submission needs the report's document id [001 art.7].");
        }

        if (submitted.Score is < 0 or > 100)
        {
            return Decision.Reject($"A self-assessment score is between 0 and 100; {submitted.Score} is not.");
        }

        if (submitted.On.Year < state.Year)
        {
            return Decision.Reject($"The {state.Year} self-assessment cannot be submitted on {submitted.On:yyyy-MM-dd}, before the year began.");
        }

        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        return Decision.Apply(
            state with
            {
                Stage = state.Stage == SelfAssessmentStatus.Overdue ? SelfAssessmentStatus.SubmittedLate : SelfAssessmentStatus.Submitted,
                SubmittedOn = submitted.On,
                Score = submitted.Score,
                SelfAssessedGrade = submitted.SelfAssessedGrade,
                PostedInternally = submitted.PostedInternally,
                AppliesForReview = submitted.AppliesForReview,
                ReportDocumentId = submitted.ReportDocumentId,
                Timers = timers,
            },
            effects);
    }

    /// <summary>
    /// The rule a notice cites: the due date's source as the profile gives it, so a profile that only adopts the
    /// year-end date as a convention says so instead of citing [001 art.3] as its own.
    /// </summary>
    private string RuleOf(SelfAssessmentState state) =>
        $"{state.DueRule ?? DueRule(profiles.Get(state.ProfileId!, new LocalDate(state.Year, 1, 1)))}, [000 §4(4)]";

    private static string DueRule(JurisdictionProfile profile) => $"RULES.md §2 [{profile.SelfAssessmentDue.Source}]";

    private Decision Remind(SelfAssessmentState state, TimerFired fired)
    {
        var on = ShanghaiTime.DateOf(state.Timers.Active[fired.TimerId].DueAt);
        return Decision.Apply(
            state with { Timers = state.Timers.Fired(fired) },
            new Notify(NoticeKinds.SelfAssessmentDue, Party.Enterprise, on, NoticeClass.Routine, RuleOf(state), Facts(state)));
    }

    private Decision MarkOverdue(SelfAssessmentState state, TimerFired fired)
    {
        var rule = RuleOf(state);
        var effects = new List<Effect>();
        var timers = state.Timers.Fired(fired).CancelAll(effects);
        var on = state.DueOn.PlusDays(1);
        effects.Add(new Notify(NoticeKinds.SelfAssessmentOverdue, Party.Regulator, on, NoticeClass.Informational, rule, Facts(state)));
        effects.Add(new Notify(NoticeKinds.SelfAssessmentOverdue, Party.Enterprise, on, NoticeClass.Mandatory, rule, Facts(state)));
        return Decision.Apply(state with { Stage = SelfAssessmentStatus.Overdue, Timers = timers }, effects);
    }

    private static ImmutableSortedDictionary<string, string> Facts(SelfAssessmentState state) =>
        NoticeFacts.Of(
            ("enterpriseId", state.EnterpriseId!),
            ("year", state.Year.ToString(CultureInfo.InvariantCulture)),
            (NoticeFactNames.Deadline, NoticeFacts.Date(state.DueOn)));

    private static Decision Reject(SelfAssessmentState state, WorkflowEvent @event, string expected) =>
        RejectUnexpected("The self-assessment year", state, @event, expected);
}
