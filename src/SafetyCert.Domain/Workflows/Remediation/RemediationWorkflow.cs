using SafetyCert.Domain.Grading;
using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows.Certificates;

namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>
/// One remediation order (RULES.md §4.4 [001 art.14]), instance id = remediation id: a deadline of at
/// most <c>RemediationMaxMonths</c>, reminders before it, and when it passes unmet the grade is cancelled:
/// the certificate it was ordered for is told with <see cref="RemediationMissed"/>. An order made by the review report
/// learns its certificate with <see cref="GradeCertificateIssued"/> when the application issues it; a deadline missed
/// before then cancels the certificate as soon as it is issued.
/// </summary>
public sealed class RemediationWorkflow(WorkingDayCalendar calendar, ProfileCatalog profiles) : Workflow<RemediationState>
{
    /// <summary>Prefix of the reminder timers; the suffix is the number of days before the deadline.</summary>
    public const string ReminderTimerPrefix = "reminder-";

    /// <summary>Fires at the start of the day after the deadline.</summary>
    public const string DeadlineTimer = "deadline";


    public override string Kind => WorkflowKinds.Remediation;

    public override RemediationState Initial { get; } = new();

    /// <summary>The calendar the workflow was built with; remediation deadlines are calendar dates.</summary>
    public WorkingDayCalendar Calendar { get; } = calendar;

    protected override ImmutableSortedDictionary<string, string> ScopeFacts(RemediationState state) =>
        NoticeFacts.Scope(state.EnterpriseId, state.RegionCode, state.Grade, regulatorLevel: Jurisdiction.TierOf(profiles, state.ProfileId, state.Grade));

    protected override Decision Decide(RemediationState state, WorkflowEvent @event, Instant now) =>
        (state.Stage, @event) switch
        {
            (RemediationStatus.NotOrdered, RemediationOrdered ordered) => Order(ordered, now),
            (RemediationStatus.NotOrdered, _) => Reject(state, @event, nameof(RemediationOrdered)),
            (_, RemediationOrdered) => Decision.Ignore($"Remediation {state.RemediationId} is already ordered."),
            (_, GradeCertificateIssued issued) => Follow(state, issued),
            (_, ApplicationClosed closed) => CloseWithApplication(state, closed),
            (RemediationStatus.Closed, _) => Reject(state, @event, "nothing: it closed with its application"),
            (RemediationStatus.Missed, _) => Reject(state, @event, nameof(GradeCertificateIssued)),
            (_, RemediationCompleted completed) => Complete(state, completed),
            (_, TimerFired { TimerId: DeadlineTimer } fired) => Miss(state, fired),
            (_, TimerFired fired) when fired.TimerId.StartsWith(ReminderTimerPrefix, StringComparison.Ordinal) => Remind(state, fired),
            _ => Reject(state, @event, $"{nameof(RemediationCompleted)} or its timers"),
        };

    private Decision Order(RemediationOrdered ordered, Instant now)
    {
        if (string.IsNullOrWhiteSpace(ordered.RemediationId) || string.IsNullOrWhiteSpace(ordered.EnterpriseId) || string.IsNullOrWhiteSpace(ordered.Findings))
        {
            return Decision.Reject($"{nameof(RemediationOrdered)} needs a remediation id, an enterprise id and the findings.");
        }

        if (NoticeFacts.ScopeProblem(ordered.RegionCode, ordered.Grade) is { } scopeProblem)
        {
            return Decision.Reject($"{nameof(RemediationOrdered)} {scopeProblem}");
        }

        JurisdictionProfile profile;
        try
        {
            profile = profiles.Get(ordered.ProfileId, ordered.OrderedOn);
        }
        catch (ProfileNotFoundException e)
        {
            return Decision.Reject(e.Message);
        }

        var latest = ordered.OrderedOn.PlusMonths(profile.RemediationMaxMonths.Value);
        if (ordered.Deadline <= ordered.OrderedOn || ordered.Deadline > latest)
        {
            return Decision.Reject(
                $"A remediation ordered on {NoticeFacts.Date(ordered.OrderedOn)} has a deadline after that day and no later than {NoticeFacts.Date(latest)} ({profile.RemediationMaxMonths.Value} months [{profile.RemediationMaxMonths.Source}]); {NoticeFacts.Date(ordered.Deadline)} is not allowed.");
        }

        var effects = new List<Effect>();
        var timers = TimerBook.Empty;
        foreach (var days in profile.RemediationReminderDays.Value.OrderDescending())
        {
            var at = ShanghaiTime.ReminderOn(ordered.Deadline.PlusDays(-days));
            if (at > now && ordered.Deadline.PlusDays(-days) > ordered.OrderedOn)
            {
                timers = timers.Set(ReminderTimerPrefix + days.ToString(CultureInfo.InvariantCulture), at, $"remediation due in {days} days", effects);
            }
        }

        timers = timers.Set(DeadlineTimer, ShanghaiTime.EndOf(ordered.Deadline), $"remediation missed after {NoticeFacts.Date(ordered.Deadline)}", effects);
        return Decision.Apply(
            new RemediationState
            {
                Stage = RemediationStatus.Open,
                RemediationId = ordered.RemediationId,
                Rule = RuleOf(profile),
                EnterpriseId = ordered.EnterpriseId,
                RegionCode = ordered.RegionCode,
                Grade = ordered.Grade,
                ProfileId = profile.Id,
                CertificateId = ordered.CertificateId,
                ApplicationId = ordered.ApplicationId,
                Findings = ordered.Findings,
                OrderedOn = ordered.OrderedOn,
                Deadline = ordered.Deadline,
                Timers = timers,
            },
            effects);
    }

    private static Decision Complete(RemediationState state, RemediationCompleted completed)
    {
        var evidence = completed.EvidenceDocumentIds.IsDefault ? [] : completed.EvidenceDocumentIds;
        if (evidence.IsEmpty || evidence.Any(string.IsNullOrWhiteSpace))
        {
            return Decision.Reject("A completed remediation needs at least one evidence document id, none blank.");
        }

        if (completed.On < state.OrderedOn || completed.On > state.Deadline)
        {
            return Decision.Reject(
                $"Remediation {state.RemediationId} is Open from {NoticeFacts.Date(state.OrderedOn)} to its deadline {NoticeFacts.Date(state.Deadline)}; completion on {NoticeFacts.Date(completed.On)} is outside it.");
        }

        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        return Decision.Apply(
            state with { Stage = RemediationStatus.Completed, CompletedOn = completed.On, EvidenceDocumentIds = evidence, Timers = timers },
            effects);
    }

    // The deadline's source in the profile the order was made under (Ningxia: 001 art.14; elsewhere applied by convention).
    private static string RuleOf(JurisdictionProfile profile) => $"RULES.md §4.4 [{profile.RemediationMaxMonths.Source}]";

    private string RuleOf(RemediationState state) => state.Rule ?? RuleOf(profiles.Get(state.ProfileId!, state.OrderedOn));

    private Decision Remind(RemediationState state, TimerFired fired)
    {
        var on = ShanghaiTime.DateOf(state.Timers.Active[fired.TimerId].DueAt);
        return Decision.Apply(
            state with { Timers = state.Timers.Fired(fired) },
            new Notify(NoticeKinds.RemediationDueSoon, Party.Enterprise, on, NoticeClass.Routine, RuleOf(state), Facts(state)));
    }

    private Decision Miss(RemediationState state, TimerFired fired)
    {
        var effects = new List<Effect>();
        var timers = state.Timers.Fired(fired).CancelAll(effects);
        if (state.CertificateId is { } certificateId)
        {
            // The certificate's cancellation notices tell every party; the remediation adds none of its own.
            effects.Add(new SignalWorkflow(WorkflowKinds.Certificate, certificateId, new RemediationMissed(state.RemediationId!, state.Deadline)));
        }
        else
        {
            var on = state.Deadline.PlusDays(1);
            effects.Add(new Notify(NoticeKinds.RemediationMissed, Party.Enterprise, on, NoticeClass.Mandatory, RuleOf(state), Facts(state)));
            effects.Add(new Notify(NoticeKinds.RemediationMissed, Party.Regulator, on, NoticeClass.Mandatory, RuleOf(state), Facts(state)));
            effects.Add(new Notify(NoticeKinds.RemediationMissed, Party.ReviewOrganization, on, NoticeClass.Informational, RuleOf(state), Facts(state)));
        }

        return Decision.Apply(state with { Stage = RemediationStatus.Missed, Timers = timers }, effects);
    }

    // RULES.md §4.4: the order follows the grade it was made for; one already missed cancels the new certificate at once.
    private static Decision Follow(RemediationState state, GradeCertificateIssued issued)
    {
        if (string.IsNullOrWhiteSpace(issued.CertificateId))
        {
            return Decision.Reject($"{nameof(GradeCertificateIssued)} needs the certificate id.");
        }

        if (state.Stage == RemediationStatus.Completed)
        {
            return Decision.Ignore($"Remediation {state.RemediationId} was completed; there is nothing to cancel.");
        }

        if (state.CertificateId is { } known)
        {
            return known == issued.CertificateId
                ? Decision.Ignore($"Remediation {state.RemediationId} already follows certificate {known}.")
                : Decision.Reject($"Remediation {state.RemediationId} was ordered for certificate {known}, not {issued.CertificateId}.");
        }

        var next = state with { CertificateId = issued.CertificateId };
        return state.Stage == RemediationStatus.Missed
            ? Decision.Apply(next, new SignalWorkflow(WorkflowKinds.Certificate, issued.CertificateId, new RemediationMissed(state.RemediationId!, state.Deadline)))
            : Decision.Apply(next);
    }

    // RULES.md §4.4: an order made for a grade that will never be granted ends with the application that made it.
    private static Decision CloseWithApplication(RemediationState state, ApplicationClosed closed)
    {
        if (state.ApplicationId != closed.ApplicationId)
        {
            return Decision.Reject($"Remediation {state.RemediationId} was ordered by {state.ApplicationId ?? "no application"}, not {closed.ApplicationId}.");
        }

        if (state.Stage is RemediationStatus.Completed or RemediationStatus.Closed || state.CertificateId is not null)
        {
            return Decision.Ignore($"Remediation {state.RemediationId} is {state.Stage}{(state.CertificateId is null ? string.Empty : $" and follows certificate {state.CertificateId}")}; the application's end changes nothing.");
        }

        var effects = new List<Effect>();
        var timers = state.Timers.CancelAll(effects);
        return Decision.Apply(state with { Stage = RemediationStatus.Closed, ClosedOn = closed.On, Timers = timers }, effects);
    }

    private static ImmutableSortedDictionary<string, string> Facts(RemediationState state) =>
        NoticeFacts.Of(
            ("remediationId", state.RemediationId!),
            ("enterpriseId", state.EnterpriseId!),
            ("certificateId", state.CertificateId ?? string.Empty),
            ("applicationId", state.ApplicationId ?? string.Empty),
            ("findings", state.Findings!),
            ("deadline", NoticeFacts.Date(state.Deadline)));

    private static Decision Reject(RemediationState state, WorkflowEvent @event, string expected) =>
        RejectUnexpected($"Remediation {state.RemediationId ?? "(not ordered)"}", state, @event, expected);

}
