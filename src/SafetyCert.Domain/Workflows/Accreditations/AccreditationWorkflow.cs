using SafetyCert.Domain.Grading;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;

namespace SafetyCert.Domain.Workflows.Accreditations;

/// <summary>
/// A review unit's accreditation (RULES.md §8 [004 §5]), instance id = unit id: valid for the profile's
/// <c>AccreditationYears</c> through the day before the anniversary, reminders before it ends, a lapse
/// (no new assignments) when it ends unrenewed, and striking off as the end.
/// </summary>
public sealed class AccreditationWorkflow(WorkingDayCalendar calendar, ProfileCatalog profiles) : Workflow<AccreditationState>
{
    /// <summary>Prefix of the reminder timers; the suffix is the number of days before the last valid day.</summary>
    public const string ReminderTimerPrefix = "reminder-";

    /// <summary>Fires at the start of the day after the last valid day.</summary>
    public const string LapseTimer = "lapse";


    public override string Kind => WorkflowKinds.Accreditation;

    public override AccreditationState Initial { get; } = new();

    /// <summary>The calendar the workflow was built with; accreditation terms are calendar dates.</summary>
    public WorkingDayCalendar Calendar { get; } = calendar;

    protected override ImmutableSortedDictionary<string, string> ScopeFacts(AccreditationState state) =>
        NoticeFacts.Scope(regionCode: state.RegionCode, grade: state.Grade, reviewUnitId: state.UnitId, regulatorLevel: Jurisdiction.TierOf(profiles, state.ProfileId, state.Grade));

    protected override Decision Decide(AccreditationState state, WorkflowEvent @event, Instant now) =>
        (state.Stage, @event) switch
        {
            (AccreditationStatus.NotGranted, AccreditationGranted granted) => Grant(granted, now),
            (AccreditationStatus.NotGranted, _) => Reject(state, @event, nameof(AccreditationGranted)),
            (_, AccreditationGranted) => Reject(state, @event, $"{nameof(Reaccredited)} for a new term"),
            (_, Reaccredited reaccredited) => Reaccredit(state, reaccredited, now),
            (_, StruckOff struck) => StrikeOff(state, struck),
            (AccreditationStatus.Accredited, TimerFired { TimerId: LapseTimer } fired) => Lapse(state, fired),
            (AccreditationStatus.Accredited, TimerFired fired) when fired.TimerId.StartsWith(ReminderTimerPrefix, StringComparison.Ordinal) => Remind(state, fired),
            _ => Reject(state, @event, $"{nameof(Reaccredited)}, {nameof(StruckOff)} or its timers"),
        };

    private Decision Grant(AccreditationGranted granted, Instant now)
    {
        if (string.IsNullOrWhiteSpace(granted.UnitId))
        {
            return Decision.Reject($"{nameof(AccreditationGranted)} needs a unit id.");
        }

        if (NoticeFacts.ScopeProblem(granted.RegionCode, granted.Grade) is { } scopeProblem)
        {
            return Decision.Reject($"{nameof(AccreditationGranted)} {scopeProblem}");
        }

        JurisdictionProfile profile;
        try
        {
            profile = profiles.Get(granted.ProfileId, granted.On);
        }
        catch (ProfileNotFoundException e)
        {
            return Decision.Reject(e.Message);
        }

        var state = new AccreditationState { UnitId = granted.UnitId, RegionCode = granted.RegionCode, Grade = granted.Grade, ProfileId = profile.Id };
        return StartTerm(state, profile, granted.On, now);
    }

    private Decision Reaccredit(AccreditationState state, Reaccredited reaccredited, Instant now)
    {
        if (reaccredited.On < state.GrantedOn)
        {
            return Decision.Reject($"Unit {state.UnitId} was accredited on {NoticeFacts.Date(state.GrantedOn)}; re-accreditation on {NoticeFacts.Date(reaccredited.On)} is before it.");
        }

        // Before expiry the new term follows on without a gap; after a lapse it starts afresh.
        var from = state.Stage == AccreditationStatus.Accredited && reaccredited.On <= state.ValidThrough
            ? state.ValidThrough.PlusDays(1)
            : reaccredited.On;
        return StartTerm(state, profiles.Get(state.ProfileId!, state.GrantedOn), from, now);
    }

    private static Decision StartTerm(AccreditationState state, JurisdictionProfile profile, LocalDate from, Instant now)
    {
        // The same day-before-the-anniversary convention as a certificate (RULES.md §5), Feb 29 included.
        var validThrough = CertificateValidity.LastValidDay(from, profile.AccreditationYears.Value);
        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        foreach (var days in profile.AccreditationReminderDays.Value.OrderDescending())
        {
            var at = ShanghaiTime.ReminderOn(validThrough.PlusDays(-days));
            if (at > now)
            {
                timers = timers.Set(ReminderTimerPrefix + days.ToString(CultureInfo.InvariantCulture), at, $"accreditation ends in {days} days", effects);
            }
        }

        timers = timers.Set(LapseTimer, ShanghaiTime.StartOf(validThrough.PlusDays(1)), $"accreditation lapses after {NoticeFacts.Date(validThrough)}", effects);
        return Decision.Apply(
            state with { Stage = AccreditationStatus.Accredited, GrantedOn = from, ValidThrough = validThrough, Rule = RuleOf(profile), Timers = timers },
            effects);
    }

    // The term's source in the profile the unit was accredited under (Beijing: 004 §5; elsewhere applied by convention).
    private static string RuleOf(JurisdictionProfile profile) => $"RULES.md §8 [{profile.AccreditationYears.Source}]";

    private string RuleOf(AccreditationState state) => state.Rule ?? RuleOf(profiles.Get(state.ProfileId!, state.GrantedOn));

    private Decision Remind(AccreditationState state, TimerFired fired)
    {
        var on = ShanghaiTime.DateOf(state.Timers.Active[fired.TimerId].DueAt);
        return Decision.Apply(
            state with { Timers = state.Timers.Fired(fired) },
            new Notify(NoticeKinds.AccreditationExpiring, Party.ReviewUnit, on, NoticeClass.Routine, RuleOf(state), Facts(state)),
            new Notify(NoticeKinds.AccreditationExpiring, Party.Regulator, on, NoticeClass.Informational, RuleOf(state), Facts(state)));
    }

    private Decision Lapse(AccreditationState state, TimerFired fired)
    {
        var on = state.ValidThrough.PlusDays(1);
        return Decision.Apply(
            state with { Stage = AccreditationStatus.Lapsed, Timers = state.Timers.Fired(fired) },
            new Notify(NoticeKinds.AccreditationLapsed, Party.ReviewUnit, on, NoticeClass.Mandatory, RuleOf(state), Facts(state)),
            new Notify(NoticeKinds.AccreditationLapsed, Party.ReviewOrganization, on, NoticeClass.Mandatory, $"{RuleOf(state)}; RULES.md §4.2: no new assignments", Facts(state)),
            new Notify(NoticeKinds.AccreditationLapsed, Party.Regulator, on, NoticeClass.Informational, RuleOf(state), Facts(state)));
    }

    private static Decision StrikeOff(AccreditationState state, StruckOff struck)
    {
        if (string.IsNullOrWhiteSpace(struck.Reason))
        {
            return Decision.Reject("Striking a unit off needs a written reason [004 §5].");
        }

        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        return Decision.Apply(
            state with { Stage = AccreditationStatus.StruckOff, StruckOffOn = struck.On, StruckOffReason = struck.Reason, Timers = timers },
            effects);
    }

    private static ImmutableSortedDictionary<string, string> Facts(AccreditationState state) =>
        NoticeFacts.Of(
            ("unitId", state.UnitId!),
            (NoticeFactNames.LastValidDay, NoticeFacts.Date(state.ValidThrough)),
            (NoticeFactNames.ExpiredFrom, NoticeFacts.Date(state.ValidThrough.PlusDays(1))));

    private static Decision Reject(AccreditationState state, WorkflowEvent @event, string expected) =>
        RejectUnexpected($"Unit {state.UnitId ?? "(not accredited)"}", state, @event, expected);

}
