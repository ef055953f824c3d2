using SafetyCert.Domain.Grading;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows.Revocations;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>
/// One certificate (RULES.md §5–§7), instance id = certificate id. Runs the renewal reminders, the
/// automatic expiry, suspension while the licence is lapsed, the follow-up visit, and hands revocations
/// to the revocation workflow.
/// </summary>
/// <remarks>
/// Choices where the rules are silent: reminders go to the enterprise; the regulator gets the
/// window-opening notice only for enterprises with no accident during validity, whom [002 §2(3)] asks it
/// to remind. A withdrawn or failed renewal resumes the reminders still ahead while the certificate is
/// valid. A renewal filed in time keeps an expired certificate open until the renewal certificate
/// supersedes it or the renewal ends. A certificate with an accident during validity takes no renewal:
/// the enterprise starts over with an initial application [002 §2(3)].
/// </remarks>
public sealed class CertificateWorkflow(WorkingDayCalendar calendar, ProfileCatalog profiles) : Workflow<CertificateState>
{
    /// <summary>Fires on the day the renewal window opens.</summary>
    public const string RenewalWindowTimer = "renewal-window";

    /// <summary>Prefix of the renewal reminders; the suffix is the number of days before the last valid day.</summary>
    public const string RenewalReminderTimerPrefix = "renewal-reminder-";

    /// <summary>Fires at the start of the day after the last valid day.</summary>
    public const string ExpiryTimer = "expiry";

    /// <summary>Warns the review unit before the follow-up visit is due.</summary>
    public const string FollowUpReminderTimer = "follow-up-reminder";

    /// <summary>Fires when the follow-up visit window has closed without a visit.</summary>
    public const string FollowUpOverdueTimer = "follow-up-overdue";


    public override string Kind => WorkflowKinds.Certificate;

    public override CertificateState Initial { get; } = new();

    /// <summary>The calendar the workflow was built with; certificate dates are calendar dates, not working days.</summary>
    public WorkingDayCalendar Calendar { get; } = calendar;

    /// <summary>
    /// The renewal reminder dates for a last valid day, earliest first: the window opening
    /// (<c>RenewalWindowMonths</c> calendar months before) and each of <c>RenewalReminderDays</c> before.
    /// Valid through 2027-03-14 under the national profile: 2026-12-14, 2027-01-13, 2027-02-12, 2027-03-07, 2027-03-13.
    /// </summary>
    public static ImmutableArray<LocalDate> RenewalReminderDates(JurisdictionProfile profile, LocalDate validThrough) =>
        [.. RenewalSchedule(profile, validThrough).Select(r => r.On)];

    protected override ImmutableSortedDictionary<string, string> ScopeFacts(CertificateState state) =>
        NoticeFacts.Scope(state.EnterpriseId, state.RegionCode, state.Grade, state.ReviewUnitId, state.Number, regulatorLevel: Jurisdiction.TierOf(profiles, state.ProfileId, state.Grade, state.Industry));

    protected override Decision Decide(CertificateState state, WorkflowEvent @event, Instant now) =>
        (state.Current, @event) switch
        {
            (CertificateStatus.NotIssued, CertificateIssued issued) => Issue(issued, now),
            (CertificateStatus.NotIssued, _) => Reject(state, @event, nameof(CertificateIssued)),
            (_, CertificateIssued) => Decision.Ignore($"Certificate {state.CertificateId} is already issued."),
            (_, TimerFired fired) => OnTimer(state, fired),
            (_, CertificateSuperseded superseded) => Supersede(state, superseded),
            (_, RevocationConfirmed confirmed) => Revoke(state, confirmed),
            (CertificateStatus.Expired, RenewalWithdrawn or RenewalFailed) => EndRenewal(state, RenewalIdOf(@event), now),
            (CertificateStatus.Expired, _) => Reject(state, @event, $"{nameof(CertificateSuperseded)} from the pending renewal, or its end"),
            (_, LicenceLapsed lapsed) => Suspend(state, lapsed),
            (_, LicenceRenewed renewed) => Restore(state, renewed),
            (_, RenewalFiled filed) => FileRenewal(state, filed),
            (_, RenewalWithdrawn or RenewalFailed) => EndRenewal(state, RenewalIdOf(@event), now),
            (_, AccidentReported accident) => RecordAccident(state, accident, now),
            (_, RemediationMissed missed) => CancelGrade(state, missed, now),
            (_, FollowUpVisitRecorded visit) => RecordVisit(state, visit),
            _ => Reject(state, @event, "a licence, renewal, accident, follow-up, remediation, revocation or supersession event"),
        };

    private Decision Issue(CertificateIssued issued, Instant now)
    {
        if (new[] { issued.CertificateId, issued.Number, issued.EnterpriseId, issued.ProfileId }.Any(string.IsNullOrWhiteSpace))
        {
            return Decision.Reject($"{nameof(CertificateIssued)} needs a certificate id, number, enterprise id and profile id.");
        }

        if (issued.Supersedes == issued.CertificateId)
        {
            return Decision.Reject($"Certificate {issued.CertificateId} cannot supersede itself.");
        }

        if (ProfileOn(issued.ProfileId, issued.IssuedOn, out var profile) is { } missing)
        {
            return missing;
        }

        var lastAllowed = CertificateValidity.LastValidDay(issued.IssuedOn, profile);
        if (issued.ValidThrough < issued.IssuedOn || issued.ValidThrough > lastAllowed)
        {
            return Decision.Reject(
                $"A certificate issued {NoticeFacts.Date(issued.IssuedOn)} is valid through {NoticeFacts.Date(lastAllowed)} at the latest ({profile.CertificateValidityYears}); {NoticeFacts.Date(issued.ValidThrough)} is not allowed.");
        }

        var effects = new List<Effect>();
        if (issued.Supersedes is { } old)
        {
            effects.Add(new SignalWorkflow(WorkflowKinds.Certificate, old, new CertificateSuperseded(issued.CertificateId, issued.IssuedOn, issued.Number)));
        }

        if (issued.Imported)
        {
            return Import(issued, profile, now, effects);
        }

        var followUpDue = issued.IssuedOn.PlusMonths(profile.FollowUpVisitMonths.Value);
        var followUpReminder = followUpDue.PlusDays(-profile.ReviewWarningDays.Value);
        var state = InForce(issued, profile, followUpDue);
        var timers = ScheduleRenewalReminders(TimerBook.Empty, profile, issued.ValidThrough, now, effects);
        var expiresOn = issued.ValidThrough.PlusDays(1);
        timers = timers.Set(ExpiryTimer, ShanghaiTime.StartOf(expiresOn), $"void from {NoticeFacts.Date(expiresOn)}", effects);
        if (ShanghaiTime.ReminderOn(followUpReminder) > now)
        {
            timers = timers.Set(FollowUpReminderTimer, ShanghaiTime.ReminderOn(followUpReminder), $"follow-up visit due by {NoticeFacts.Date(followUpDue)}", effects);
        }

        timers = timers.Set(FollowUpOverdueTimer, ShanghaiTime.EndOf(followUpDue), $"follow-up visit overdue after {NoticeFacts.Date(followUpDue)}", effects);
        return Decision.Apply(state with { Timers = timers }, effects);
    }

    /// <summary>The state of a certificate just issued or taken over, in force, with the follow-up visit it owes (null for none).</summary>
    private static CertificateState InForce(CertificateIssued issued, JurisdictionProfile profile, LocalDate? followUpVisitDue) => new()
    {
        Stage = CertificateStage.InForce,
        CertificateId = issued.CertificateId,
        Number = issued.Number,
        EnterpriseId = issued.EnterpriseId,
        RegionCode = issued.RegionCode,
        Grade = issued.Grade,
        ProfileId = profile.Id,
        Industry = string.IsNullOrWhiteSpace(issued.Industry) ? null : issued.Industry,
        ReviewUnitId = string.IsNullOrWhiteSpace(issued.ReviewUnitId) ? null : issued.ReviewUnitId,
        IssuedOn = issued.IssuedOn,
        ValidThrough = issued.ValidThrough,
        LicenceRequired = issued.LicenceRequired,
        FollowUpVisitDue = followUpVisitDue,
        FollowUpVisitRule = FollowUpVisitRule(profile),
        RenewalDeadlineRule = RenewalDeadlineRule(profile),
    };

    /// <summary>
    /// A certificate taken over from an existing register starts where its dates put it on the day it is recorded:
    /// past its last valid day it expires (by its expiry timer, so the notice goes out once, or at once and silently
    /// when notices are held); inside its renewal window the window notice goes out once, now (unless held), and the
    /// reminders still ahead are set; a follow-up visit whose window closed before the record is not chased, as
    /// the register does not say whether it happened.
    /// </summary>
    private static Decision Import(CertificateIssued issued, JurisdictionProfile profile, Instant now, List<Effect> effects)
    {
        var today = ShanghaiTime.DateOf(now);
        var followUpDue = issued.IssuedOn.PlusMonths(profile.FollowUpVisitMonths.Value);
        var state = InForce(issued, profile, followUpDue >= today ? followUpDue : null);
        var expiresOn = issued.ValidThrough.PlusDays(1);
        if (expiresOn <= today && issued.HoldPastNotices)
        {
            return Decision.Apply(state with { Stage = CertificateStage.Expired, FollowUpVisitDue = null }, effects);
        }

        var timers = TimerBook.Empty;
        if (expiresOn > today)
        {
            var windowOpens = issued.ValidThrough.PlusMonths(-profile.RenewalWindowMonths.Value);
            if (windowOpens <= today && ShanghaiTime.ReminderOn(windowOpens) <= now && !issued.HoldPastNotices)
            {
                timers = timers.Set(RenewalWindowTimer, now, $"renewal window open since {NoticeFacts.Date(windowOpens)}", effects);
            }

            timers = ScheduleRenewalReminders(timers, profile, issued.ValidThrough, now, effects);
        }

        timers = timers.Set(ExpiryTimer, ShanghaiTime.StartOf(expiresOn), $"void from {NoticeFacts.Date(expiresOn)}", effects);
        if (state.FollowUpVisitDue is { } due && expiresOn > today)
        {
            var reminder = ShanghaiTime.ReminderOn(due.PlusDays(-profile.ReviewWarningDays.Value));
            if (reminder > now)
            {
                timers = timers.Set(FollowUpReminderTimer, reminder, $"follow-up visit due by {NoticeFacts.Date(due)}", effects);
            }

            timers = timers.Set(FollowUpOverdueTimer, ShanghaiTime.EndOf(due), $"follow-up visit overdue after {NoticeFacts.Date(due)}", effects);
        }

        return Decision.Apply(state with { Timers = timers }, effects);
    }

    private Decision OnTimer(CertificateState state, TimerFired fired)
    {
        var timer = state.Timers.Active[fired.TimerId];
        var on = ShanghaiTime.DateOf(timer.DueAt);
        var fresh = state with { Timers = state.Timers.Fired(fired) };
        return fired.TimerId switch
        {
            ExpiryTimer => Expire(fresh, ExpiryRule(state)),
            RenewalWindowTimer => RemindRenewal(fresh, on, NoticeKinds.RenewalWindowOpen, RenewalRule(state)),
            FollowUpReminderTimer => Decision.Apply(fresh, FollowUpNotice(state, NoticeKinds.FollowUpVisitDue, VisitOwner(state), NoticeClass.Routine)),
            FollowUpOverdueTimer => Decision.Apply(fresh, FollowUpOverdueNotices(state)),
            _ when fired.TimerId.StartsWith(RenewalReminderTimerPrefix, StringComparison.Ordinal) => RemindRenewal(fresh, on, NoticeKinds.RenewalReminder, RenewalRule(state)),
            _ => Decision.Reject($"Certificate {state.CertificateId} sets no timer {fired.TimerId}."),
        };
    }

    // The rules a certificate's notices cite are its profile's sources: Ningxia's own articles for a Ningxia certificate.
    private string ExpiryRule(CertificateState state) =>
        $"RULES.md §5 [{profiles.Get(state.ProfileId!, state.IssuedOn).CertificateValidityYears.Source}]";

    private string RenewalRule(CertificateState state)
    {
        var profile = profiles.Get(state.ProfileId!, state.IssuedOn);
        return $"RULES.md §6 [{profile.CertificateValidityYears.Source}], [{profile.RenewalWindowMonths.Source}]";
    }

    private static Decision RemindRenewal(CertificateState state, LocalDate on, string kind, string rule)
    {
        var facts = NoticeFacts.Of(
            ("certificateId", state.CertificateId!),
            ("certificateNumber", state.Number!),
            (NoticeFactNames.LastValidDay, NoticeFacts.Date(state.ValidThrough)),
            (NoticeFactNames.ExpiredFrom, NoticeFacts.Date(CertificateValidity.ExpiredFrom(state.ValidThrough))),
            ("daysLeft", Period.Between(on, state.ValidThrough, PeriodUnits.Days).Days.ToString(CultureInfo.InvariantCulture)),
            ("path", state.HadAccidentDuringValidity
                ? "initial application: accident during validity [002 §2(3)]"
                : "renewal application [000 §3(4)]"));
        var effects = new List<Effect> { new Notify(kind, Party.Enterprise, on, NoticeClass.Routine, rule, facts) };
        if (kind == NoticeKinds.RenewalWindowOpen && !state.HadAccidentDuringValidity)
        {
            // [002 §2(3)]: the regulator reminds enterprises with no accident, so it learns who is due.
            effects.Add(new Notify(kind, Party.Regulator, on, NoticeClass.Informational, rule, facts));
        }

        return Decision.Apply(state, effects);
    }

    private static Decision Expire(CertificateState state, string rule)
    {
        var effects = new List<Effect>();
        var expiresOn = CertificateValidity.ExpiredFrom(state.ValidThrough);
        var facts = NoticeFacts.Of(
            ("certificateId", state.CertificateId!),
            ("certificateNumber", state.Number!),
            (NoticeFactNames.LastValidDay, NoticeFacts.Date(state.ValidThrough)),
            (NoticeFactNames.ExpiredFrom, NoticeFacts.Date(expiresOn)),
            ("renewalPending", (state.RenewalApplicationId is not null).ToString()));
        effects.Add(new Notify(NoticeKinds.CertificateExpired, Party.Enterprise, expiresOn, NoticeClass.Mandatory, rule, facts));
        effects.Add(new Notify(NoticeKinds.CertificateExpired, Party.Regulator, expiresOn, NoticeClass.Informational, rule, facts));
        var timers = state.Timers.CancelAll(effects);
        return Decision.Apply(state with { Stage = CertificateStage.Expired, Timers = timers }, effects);
    }

    private Decision Suspend(CertificateState state, LicenceLapsed lapsed)
    {
        if (!state.LicenceRequired)
        {
            return Decision.Reject($"Certificate {state.CertificateId} is for an industry without a work-safety licence; {nameof(LicenceLapsed)} does not apply.");
        }

        if (state.SuspendedOn is { } since)
        {
            return Decision.Ignore($"Certificate {state.CertificateId} is already suspended since {NoticeFacts.Date(since)}.");
        }

        var facts = NoticeFacts.Of(("certificateId", state.CertificateId!), ("certificateNumber", state.Number!), ("suspendedOn", NoticeFacts.Date(lapsed.On)));
        return Decision.Apply(
            state with { SuspendedOn = lapsed.On },
            new Notify(NoticeKinds.CertificateSuspended, Party.Enterprise, lapsed.On, NoticeClass.Mandatory, SuspensionRule(ProfileOf(state)), facts),
            new Notify(NoticeKinds.CertificateSuspended, Party.Regulator, lapsed.On, NoticeClass.Informational, SuspensionRule(ProfileOf(state)), facts));
    }

    private Decision Restore(CertificateState state, LicenceRenewed renewed)
    {
        if (!state.LicenceRequired)
        {
            return Decision.Reject($"Certificate {state.CertificateId} is for an industry without a work-safety licence; {nameof(LicenceRenewed)} does not apply.");
        }

        if (renewed.ValidUntil < renewed.On)
        {
            return Decision.Reject($"A licence renewed on {NoticeFacts.Date(renewed.On)} cannot be valid only until {NoticeFacts.Date(renewed.ValidUntil)}.");
        }

        var next = state with { LicenceValidUntil = renewed.ValidUntil, SuspendedOn = null };
        if (state.SuspendedOn is null)
        {
            return Decision.Apply(next);
        }

        var facts = NoticeFacts.Of(("certificateId", state.CertificateId!), ("certificateNumber", state.Number!), ("restoredOn", NoticeFacts.Date(renewed.On)));
        return Decision.Apply(
            next,
            new Notify(NoticeKinds.CertificateRestored, Party.Enterprise, renewed.On, NoticeClass.Mandatory, SuspensionRule(ProfileOf(state)), facts),
            new Notify(NoticeKinds.CertificateRestored, Party.Regulator, renewed.On, NoticeClass.Informational, SuspensionRule(ProfileOf(state)), facts));
    }

    private static Decision FileRenewal(CertificateState state, RenewalFiled filed)
    {
        if (state.RenewalApplicationId is { } pending)
        {
            return pending == filed.ApplicationId
                ? Decision.Ignore($"Renewal {pending} is already filed.")
                : Decision.Reject($"Certificate {state.CertificateId} is {state.Status} with renewal {pending} pending; a second renewal {filed.ApplicationId} is not allowed.");
        }

        if (string.IsNullOrWhiteSpace(filed.ApplicationId))
        {
            return Decision.Reject($"{nameof(RenewalFiled)} needs an application id.");
        }

        if (state.Current == CertificateStatus.Suspended)
        {
            return Decision.Reject($"Certificate {state.CertificateId} is Suspended: a renewal needs a valid work-safety licence (RULES.md §3(2) [001 art.10(1)]); expected {nameof(LicenceRenewed)} first.");
        }

        if (state.HadAccidentDuringValidity)
        {
            return Decision.Reject($"Certificate {state.CertificateId} had an accident during validity, so the enterprise starts over with an initial application, not a renewal (RULES.md §6 [002 §2(3)]).");
        }

        if (filed.On < state.IssuedOn || filed.On > state.ValidThrough)
        {
            return Decision.Reject($"A renewal is filed during validity ({NoticeFacts.Date(state.IssuedOn)} to {NoticeFacts.Date(state.ValidThrough)}); {NoticeFacts.Date(filed.On)} is outside it (RULES.md §6 [000 §3(4)]).");
        }

        var effects = new List<Effect>();
        var timers = state.Timers.CancelWhere(IsRenewalReminder, effects);
        return Decision.Apply(state with { RenewalApplicationId = filed.ApplicationId, RenewalFiledOn = filed.On, Timers = timers }, effects);
    }

    private Decision EndRenewal(CertificateState state, string applicationId, Instant now)
    {
        if (state.RenewalApplicationId != applicationId)
        {
            return Decision.Reject($"Certificate {state.CertificateId} is {state.Status} and has {(state.RenewalApplicationId is null ? "no renewal pending" : $"renewal {state.RenewalApplicationId} pending")}; renewal {applicationId} cannot end.");
        }

        var effects = new List<Effect>();
        var next = state with { RenewalApplicationId = null, RenewalFiledOn = null };
        if (state.Stage == CertificateStage.InForce)
        {
            var profile = profiles.Get(state.ProfileId!, state.IssuedOn);
            next = next with { Timers = ScheduleRenewalReminders(state.Timers, profile, state.ValidThrough, now, effects) };
        }

        return Decision.Apply(next, effects);
    }

    private Decision RecordAccident(CertificateState state, AccidentReported accident, Instant now)
    {
        if (state.AccidentIds.Contains(accident.AccidentId))
        {
            return Decision.Ignore($"Accident {accident.AccidentId} is already recorded.");
        }

        if (string.IsNullOrWhiteSpace(accident.AccidentId) || accident.Deaths < 0)
        {
            return Decision.Reject($"{nameof(AccidentReported)} needs an accident id and a death count of zero or more.");
        }

        if (accident.On < state.IssuedOn || accident.On > state.ValidThrough)
        {
            return Decision.Reject($"Accident {accident.AccidentId} on {NoticeFacts.Date(accident.On)} is outside the validity of certificate {state.CertificateId} ({NoticeFacts.Date(state.IssuedOn)} to {NoticeFacts.Date(state.ValidThrough)}).");
        }

        var profile = profiles.Get(state.ProfileId!, state.IssuedOn);
        var grounds = RevocationRules.AccidentGrounds(profile, state.Grade, accident.Deaths, accident.ConcealedOrLate);
        var next = state with { AccidentIds = state.AccidentIds.Add(accident.AccidentId) };
        var effects = new List<Effect>();
        if (grounds.Contains(RevocationGround.FatalAccident))
        {
            if (!state.RevocationStarted)
            {
                var threshold = profile.FatalAccidentDeaths.Value[state.Grade];
                var reason = $"Accident {accident.AccidentId} on {NoticeFacts.Date(accident.On)}: {accident.Deaths} death(s), threshold {threshold} for {state.Grade} [{profile.FatalAccidentDeaths.Source}]"
                    + (accident.ConcealedOrLate ? "; reported late or concealed" : string.Empty);
                effects.Add(StartRevocation(state, RevocationGround.FatalAccident, reason, accident, now));
                next = next with { RevocationStarted = true };
            }
        }
        else if (!grounds.IsEmpty)
        {
            // Concealment alone is not automatic (RULES.md §7 convention): the regulator decides with evidence.
            effects.Add(new Notify(
                NoticeKinds.RevocationDecisionRequired,
                Party.Regulator,
                ShanghaiTime.DateOf(now),
                NoticeClass.Mandatory,
                RevocationRules.SourceOf(RevocationGround.AccidentConcealedOrLate, profile),
                NoticeFacts.Of(
                    ("certificateId", state.CertificateId!),
                    ("certificateNumber", state.Number!),
                    ("accidentId", accident.AccidentId),
                    ("accidentOn", NoticeFacts.Date(accident.On)),
                    ("grounds", string.Join(", ", grounds)))));
        }

        return Decision.Apply(next, effects);
    }

    // RULES.md §4.4 [001 art.14]: a missed remediation cancels the grade it was ordered for. The rule fixes the
    // consequence, so no regulator decides; it is no revocation under 001 art.21, so no ban follows.
    private Decision CancelGrade(CertificateState state, RemediationMissed missed, Instant now)
    {
        if (state.RevocationStarted)
        {
            return Decision.Ignore($"Certificate {state.CertificateId} is already being revoked.");
        }

        if (state.Stage != CertificateStage.InForce)
        {
            return Decision.Ignore($"Certificate {state.CertificateId} is {state.Current}; there is no grade in force to cancel.");
        }

        var on = ShanghaiTime.DateOf(now);
        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        var facts = NoticeFacts.Of(
            ("certificateId", state.CertificateId!),
            ("certificateNumber", state.Number!),
            ("remediationId", missed.RemediationId),
            ("deadline", NoticeFacts.Date(missed.Deadline)),
            ("cancelledOn", NoticeFacts.Date(on)));
        effects.Add(new Notify(NoticeKinds.CertificateCancelled, Party.Enterprise, on, NoticeClass.Mandatory, CancellationRule(ProfileOf(state)), facts));
        effects.Add(new Notify(NoticeKinds.CertificateCancelled, Party.ReviewOrganization, on, NoticeClass.Mandatory, CancellationRule(ProfileOf(state)), facts));
        effects.Add(new Notify(NoticeKinds.CertificateCancelled, Party.Regulator, on, NoticeClass.Informational, CancellationRule(ProfileOf(state)), facts));
        return Decision.Apply(
            state with { Stage = CertificateStage.Cancelled, CancelledOn = on, CancelledBy = missed.RemediationId, Timers = timers },
            effects);
    }

    private static Decision RecordVisit(CertificateState state, FollowUpVisitRecorded visit)
    {
        if (state.FollowUpVisitOn is { } earlier)
        {
            return Decision.Ignore($"The follow-up visit is already recorded on {NoticeFacts.Date(earlier)}.");
        }

        if (visit.On < state.IssuedOn)
        {
            return Decision.Reject($"A follow-up visit comes after issue on {NoticeFacts.Date(state.IssuedOn)}; {NoticeFacts.Date(visit.On)} is before it.");
        }

        var effects = new List<Effect>();
        var timers = state.Timers.Cancel(FollowUpReminderTimer, effects).Cancel(FollowUpOverdueTimer, effects);
        return Decision.Apply(state with { FollowUpVisitOn = visit.On, Timers = timers }, effects);
    }

    private Decision Supersede(CertificateState state, CertificateSuperseded superseded)
    {
        if (superseded.NewCertificateId == state.CertificateId || string.IsNullOrWhiteSpace(superseded.NewCertificateId))
        {
            return Decision.Reject($"Certificate {state.CertificateId} can only be superseded by another certificate.");
        }

        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        effects.Add(new Notify(
            NoticeKinds.CertificateSuperseded,
            Party.Enterprise,
            superseded.On,
            NoticeClass.Informational,
            SupersededRule(ProfileOf(state)),
            NoticeFacts.Of(
                ("certificateId", state.CertificateId!),
                ("certificateNumber", state.Number!),
                ("newCertificateId", superseded.NewCertificateId),
                ("newCertificateNumber", superseded.NewCertificateNumber ?? string.Empty))));
        return Decision.Apply(state with { Stage = CertificateStage.Superseded, SupersededBy = superseded.NewCertificateId, Timers = timers }, effects);
    }

    private static Decision Revoke(CertificateState state, RevocationConfirmed confirmed)
    {
        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        return Decision.Apply(state with { Stage = CertificateStage.Revoked, RevokedOn = confirmed.RevokedOn, RevocationStarted = true, Timers = timers }, effects);
    }

    private static StartWorkflow StartRevocation(CertificateState state, RevocationGround ground, string reason, AccidentReported accident, Instant now) =>
        new(
            WorkflowKinds.Revocation,
            state.CertificateId!,
            new RevocationOpened(
                state.CertificateId!,
                state.Number!,
                state.EnterpriseId!,
                state.RegionCode!,
                state.Grade,
                state.ProfileId!,
                [ground],
                Automatic: true,
                reason,
                [],
                ShanghaiTime.DateOf(now),
                accident.AccidentId,
                accident.On,
                accident.Deaths));

    private static TimerBook ScheduleRenewalReminders(TimerBook timers, JurisdictionProfile profile, LocalDate validThrough, Instant now, ICollection<Effect> effects)
    {
        foreach (var (id, on) in RenewalSchedule(profile, validThrough))
        {
            var at = ShanghaiTime.ReminderOn(on);
            if (at > now)
            {
                timers = timers.Set(id, at, $"renewal reminder {NoticeFacts.Date(on)}", effects);
            }
        }

        return timers;
    }

    private static IEnumerable<(string Id, LocalDate On)> RenewalSchedule(JurisdictionProfile profile, LocalDate validThrough)
    {
        ArgumentNullException.ThrowIfNull(profile);
        yield return (RenewalWindowTimer, validThrough.PlusMonths(-profile.RenewalWindowMonths.Value));
        foreach (var days in profile.RenewalReminderDays.Value.OrderDescending())
        {
            yield return (RenewalReminderTimerPrefix + days.ToString(CultureInfo.InvariantCulture), validThrough.PlusDays(-days));
        }
    }

    private static bool IsRenewalReminder(ScheduledTimer timer) =>
        timer.Id == RenewalWindowTimer || timer.Id.StartsWith(RenewalReminderTimerPrefix, StringComparison.Ordinal);

    // A certificate recorded without its review has no unit to remind; the organization that assigns units is told instead.
    private static Party VisitOwner(CertificateState state) => state.ReviewUnitId is null ? Party.ReviewOrganization : Party.ReviewUnit;

    private IEnumerable<Effect> FollowUpOverdueNotices(CertificateState state)
    {
        if (state.ReviewUnitId is not null)
        {
            yield return FollowUpNotice(state, NoticeKinds.FollowUpVisitOverdue, Party.ReviewUnit, NoticeClass.Mandatory);
        }

        yield return FollowUpNotice(state, NoticeKinds.FollowUpVisitOverdue, Party.ReviewOrganization, NoticeClass.Mandatory);
    }

    // The visit is 004 §4's; its window is the profile's convention, and the citation says so.
    private static string FollowUpVisitRule(JurisdictionProfile profile) => $"RULES.md §4.10 [{profile.FollowUpVisitMonths.Source}]";

    // The last day to file a renewal is the last valid day, whose source is the profile's validity rule.
    private static string RenewalDeadlineRule(JurisdictionProfile profile) => $"RULES.md §6 [{profile.CertificateValidityYears.Source}]";

    private Notify FollowUpNotice(CertificateState state, string kind, Party recipient, NoticeClass noticeClass) =>
        new(
            kind,
            recipient,
            state.FollowUpVisitDue!.Value,
            noticeClass,
            state.FollowUpVisitRule ?? FollowUpVisitRule(profiles.Get(state.ProfileId!, state.IssuedOn)),
            NoticeFacts.Of(
                ("certificateId", state.CertificateId!),
                ("certificateNumber", state.Number!),
                ("enterpriseId", state.EnterpriseId!),
                ("issuedOn", NoticeFacts.Date(state.IssuedOn)),
                (NoticeFactNames.Deadline, NoticeFacts.Date(state.FollowUpVisitDue!.Value))));

    private JurisdictionProfile ProfileOf(CertificateState state) => profiles.Get(state.ProfileId!, state.IssuedOn);

    // Licence lapse suspends the certificate under Ningxia's article; other profiles apply it by convention.
    private static string SuspensionRule(JurisdictionProfile profile) => $"RULES.md §5 [{profile.SourceOf("001 art.16")}]";

    // A missed remediation deadline cancels the grade under the source the profile gives for the deadline.
    private static string CancellationRule(JurisdictionProfile profile) => $"RULES.md §4.4 [{profile.RemediationMaxMonths.Source}]";

    // A renewal or an upgrade issues a new certificate in place of the old one (000 §3(4); Ningxia 001 art.18).
    private static string SupersededRule(JurisdictionProfile profile) => $"RULES.md §5 [{profile.SourceOf("000 §3(4)", "001 art.18")}]";

    private Decision? ProfileOn(string id, LocalDate on, out JurisdictionProfile profile)
    {
        try
        {
            profile = profiles.Get(id, on);
            return null;
        }
        catch (ProfileNotFoundException e)
        {
            profile = null!;
            return Decision.Reject(e.Message);
        }
    }

    private static string RenewalIdOf(WorkflowEvent @event) => @event switch
    {
        RenewalWithdrawn withdrawn => withdrawn.ApplicationId,
        RenewalFailed failed => failed.ApplicationId,
        _ => throw new ArgumentException($"{@event.GetType().Name} does not end a renewal.", nameof(@event)),
    };

    private static Decision Reject(CertificateState state, WorkflowEvent @event, string expected) =>
        RejectUnexpected($"Certificate {state.CertificateId ?? "(not issued)"}", state, @event, expected);

}
