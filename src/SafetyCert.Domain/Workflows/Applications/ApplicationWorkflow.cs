using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// The application timeline of RULES.md §4 as a pure decider: material review, random assignment, on-site
/// review with remediation pauses, report audit, level-2 re-verification, public notice with objections,
/// announcement and certificate issue, or failure with a partial re-review window. Every number comes from the
/// application's jurisdiction profile in force on the receipt date; every working day from the calendar.
/// </summary>
public sealed class ApplicationWorkflow : Workflow<ApplicationState>
{
    /// <summary>Deadline name: the material review (RULES.md §4.1).</summary>
    public const string MaterialReviewDeadline = "material-review";

    /// <summary>Deadline name: the on-site review, extended by remediation days (RULES.md §4.3).</summary>
    public const string ReviewDeadline = "review";

    /// <summary>Deadline name: the last day of the public notice (RULES.md §4.7).</summary>
    public const string PublicNoticeDeadline = "public-notice";

    /// <summary>Deadline name: the last day a reapplication gets a partial re-review (RULES.md §4.9).</summary>
    public const string PartialReReviewDeadline = "partial-re-review";

    public const string MaterialReviewWarningTimer = "material-review-warning";
    public const string MaterialReviewDueTimer = "material-review-due";
    public const string ReviewWarningTimer = "review-warning";
    public const string ReviewDueTimer = "review-due";
    public const string PublicNoticeClosesTimer = "public-notice-closes";

    private const string AuditRule = "RULES.md §4.5 [000 §3(2)2]";
    private const string AnnouncementRule = "RULES.md §4.8 [000 §3(2)2]";
    private const string WrittenRejectionRule = "RULES.md §4.1 [001 art.11]";
    private const string FastTrackRule = "RULES.md §6 [001 art.17]";

    private static readonly ImmutableArray<string> Terminal = [];

    private readonly WorkingDayCalendar calendar;
    private readonly ProfileCatalog profiles;

    public ApplicationWorkflow(WorkingDayCalendar calendar, ProfileCatalog profiles)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(profiles);
        this.calendar = calendar;
        this.profiles = profiles;
    }

    public override string Kind => WorkflowKinds.Application;

    public override ApplicationState Initial { get; } = new();

    /// <summary>The events an application takes in each status, for status pages and rejection reasons.</summary>
    public static ImmutableArray<string> Expected(ApplicationStatus status) => status switch
    {
        ApplicationStatus.NotSubmitted => [nameof(ApplicationSubmitted)],
        ApplicationStatus.MaterialReview => [nameof(MaterialReviewAccepted), nameof(MaterialReviewRejected), nameof(Withdrawn), nameof(FastTrackConfirmed)],
        ApplicationStatus.AwaitingAssignment => [nameof(ReviewUnitAssigned), nameof(Withdrawn)],
        ApplicationStatus.UnderReview => [nameof(RemediationStarted), nameof(ReviewReportSubmitted), nameof(ReviewFailed), nameof(Withdrawn)],
        ApplicationStatus.InRemediation => [nameof(RemediationEnded), nameof(ReviewFailed), nameof(Withdrawn)],
        ApplicationStatus.ReportAudit => [nameof(ReportAudited), nameof(ReviewFailed), nameof(Withdrawn)],
        ApplicationStatus.Reverification => [nameof(ReverificationCompleted), nameof(ReviewFailed), nameof(Withdrawn)],
        ApplicationStatus.AwaitingPublicNotice => [nameof(PublicNoticePublished), nameof(Withdrawn)],
        ApplicationStatus.PublicNotice => [nameof(ObjectionRaised), nameof(Announced), nameof(Withdrawn)],
        ApplicationStatus.ObjectionPending => [nameof(ObjectionRaised), nameof(ObjectionResolved), nameof(Withdrawn)],
        ApplicationStatus.Announced => [nameof(CertificateIssuedToEnterprise), nameof(Withdrawn)],
        _ => Terminal,
    };

    protected override ImmutableSortedDictionary<string, string> ScopeFacts(ApplicationState state) =>
        NoticeFacts.Scope(state.EnterpriseId, state.RegionCode, state.Grade, state.ReviewUnitId, state.CertificateNumber, regulatorLevel: Jurisdiction.TierOf(profiles, state.ProfileId, state.Grade, state.Industry));

    protected override Decision Decide(ApplicationState state, WorkflowEvent @event, Instant now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (@event is TimerFired fired)
        {
            return OnTimer(state, fired);
        }

        if (Restatement(state, @event) is { } repeat)
        {
            return Decision.Ignore(repeat);
        }

        if (SpecificRefusal(state, @event) is { } refusal)
        {
            return Decision.Reject(refusal);
        }

        var name = @event.GetType().Name;
        if (!Expected(state.Stage).Contains(name))
        {
            var expected = Expected(state.Stage);
            return Decision.Reject(
                $"Application {Describe(state)} is {state.Stage}; {name} is not allowed now. Expected {string.Join(" or ", expected)}.");
        }

        if (DateProblem(state, @event, now) is { } dateProblem)
        {
            return Decision.Reject(dateProblem);
        }

        return @event switch
        {
            ApplicationSubmitted e => Submit(state, e),
            MaterialReviewAccepted e => Accept(state, e),
            MaterialReviewRejected e => RejectMaterials(state, e),
            FastTrackConfirmed e => ConfirmFastTrack(state, e),
            ReviewUnitAssigned e => Assign(state, e),
            RemediationStarted e => StartRemediation(state, e),
            RemediationEnded e => EndRemediation(state, e),
            ReviewReportSubmitted e => SubmitReport(state, e),
            ReportAudited e => Audit(state, e),
            ReverificationCompleted e => Reverify(state, e),
            PublicNoticePublished e => Publish(state, e),
            ObjectionRaised e => RaiseObjection(state, e),
            ObjectionResolved e => ResolveObjection(state, e),
            Announced e => Announce(state, e),
            CertificateIssuedToEnterprise e => Issue(state, e),
            ReviewFailed e => Fail(state, e),
            Withdrawn e => Withdraw(state, e),
            _ => Decision.Reject($"The {Kind} workflow does not take {name}."),
        };
    }

    private static string? Restatement(ApplicationState state, WorkflowEvent @event) => @event switch
    {
        ApplicationSubmitted e when state.Stage != ApplicationStatus.NotSubmitted && e with { FastTrackFailures = null } == SubmittedAs(state)
            => $"Application {state.ApplicationId} was already submitted with these facts.",
        MaterialReviewAccepted e when state.Stage != ApplicationStatus.MaterialReview && state.AcceptedOn == e.AcceptedOn
            => $"The materials of {state.ApplicationId} were already accepted on {Format(e.AcceptedOn)}.",
        ReviewUnitAssigned e when state.ReviewUnitId == e.UnitId && state.DrawSeed == e.DrawSeed && state.AssignedOn == e.AssignedOn
            => $"Review unit {e.UnitId} was already assigned to {state.ApplicationId}.",
        PublicNoticePublished e when state.NoticePublishedOn == e.PublishedOn
            => $"The notice of {state.ApplicationId} was already published on {Format(e.PublishedOn)}.",
        ObjectionRaised e when state.ObjectionsRaised.Contains(e.ObjectionId)
            => $"Objection {e.ObjectionId} to {state.ApplicationId} is already recorded.",
        ObjectionResolved e when state.ObjectionsRaised.Contains(e.ObjectionId) && !state.OpenObjections.Contains(e.ObjectionId)
            => $"Objection {e.ObjectionId} to {state.ApplicationId} is already resolved.",
        Announced e when state.AnnouncedOn == e.AnnouncedOn
            => $"{state.ApplicationId} was already announced on {Format(e.AnnouncedOn)}.",
        _ => null,
    };

    // Refusals whose reason says more than "not expected in this status".
    private static string? SpecificRefusal(ApplicationState state, WorkflowEvent @event) => @event switch
    {
        ApplicationSubmitted e when state.Stage != ApplicationStatus.NotSubmitted
            => $"Application {Describe(state)} was already submitted on {Format(state.ReceivedOn)} and is {state.Stage}; a second submission ({e.ApplicationId}, received {Format(e.ReceivedOn)}) must start a new application.",
        FastTrackConfirmed when state.Stage == ApplicationStatus.MaterialReview && !state.FastTrackEligible
            => $"Application {Describe(state)} cannot be renewed without an on-site review (RULES.md §6 [001 art.17]): {FastTrackRefusal(state)}; accept the materials and draw a review unit.",
        ReverificationCompleted when state.Stage != ApplicationStatus.NotSubmitted && !state.ReverificationRequired
            => $"Application {Describe(state)} needs no re-verification: only level-2 applicants under a profile that requires it are re-verified (RULES.md §4.6 [004 §2]); profile {state.ProfileId}, grade {state.Grade}.",
        Announced e when state.Stage == ApplicationStatus.ObjectionPending
            => $"Application {Describe(state)} cannot be announced on {Format(e.AnnouncedOn)}: objection {string.Join(", ", state.OpenObjections)} is open and the public notice clock is stopped until it is resolved (RULES.md §4.7).",
        Announced e when state.Stage == ApplicationStatus.PublicNotice && e.AnnouncedOn <= state.NoticeClosesOn
            => $"Application {Describe(state)} cannot be announced on {Format(e.AnnouncedOn)}: its public notice runs through {Format(state.NoticeClosesOn)}; the announcement may be dated {Format(state.NoticeClosesOn!.Value.PlusDays(1))} or later (RULES.md §4.7).",
        ObjectionResolved e when state.Stage == ApplicationStatus.ObjectionPending && !state.OpenObjections.Contains(e.ObjectionId)
            => $"Objection {e.ObjectionId} is not open on application {Describe(state)}; open: {string.Join(", ", state.OpenObjections)}.",
        _ => null,
    };

    private static string? DateProblem(ApplicationState state, WorkflowEvent @event, Instant now)
    {
        var reported = ReportedDate(@event);
        var today = ShanghaiTime.DateOf(now);
        if (reported > today)
        {
            return $"{@event.GetType().Name} is dated {Format(reported)}, after today ({Format(today)} in Beijing); a step cannot be reported before it happens.";
        }

        if (state.LastStepOn is { } last && reported < last)
        {
            return $"{@event.GetType().Name} is dated {Format(reported)}, before the previous step of application {state.ApplicationId} on {Format(last)}.";
        }

        return null;
    }

    private static LocalDate ReportedDate(WorkflowEvent @event) => @event switch
    {
        ApplicationSubmitted e => e.ReceivedOn,
        MaterialReviewAccepted e => e.AcceptedOn,
        MaterialReviewRejected e => e.RejectedOn,
        FastTrackConfirmed e => e.ConfirmedOn,
        ReviewUnitAssigned e => e.AssignedOn,
        RemediationStarted e => e.StartedOn,
        RemediationEnded e => e.EndedOn,
        ReviewReportSubmitted e => e.SubmittedOn,
        ReportAudited e => e.AuditedOn,
        ReverificationCompleted e => e.CompletedOn,
        PublicNoticePublished e => e.PublishedOn,
        ObjectionRaised e => e.RaisedOn,
        ObjectionResolved e => e.ResolvedOn,
        Announced e => e.AnnouncedOn,
        CertificateIssuedToEnterprise e => e.IssuedOn,
        ReviewFailed e => e.FailedOn,
        Withdrawn e => e.WithdrawnOn,
        _ => throw new ArgumentException($"{@event.GetType().Name} is not an application event.", nameof(@event)),
    };

    // RULES.md §3–§4.1: the submission fixes the profile and starts the material review clock.
    private Decision Submit(ApplicationState state, ApplicationSubmitted e)
    {
        var missing = new (string Field, string? Value)[]
        {
            (nameof(e.ApplicationId), e.ApplicationId),
            (nameof(e.EnterpriseId), e.EnterpriseId),
            (nameof(e.RegionCode), e.RegionCode),
            (nameof(e.Industry), e.Industry),
            (nameof(e.ProfileId), e.ProfileId),
        }.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Field).ToList();
        if (missing.Count > 0)
        {
            return Decision.Reject($"ApplicationSubmitted lacks {string.Join(", ", missing)}.");
        }

        if (!Enum.IsDefined(e.Grade) || !Enum.IsDefined(e.Kind))
        {
            return Decision.Reject($"ApplicationSubmitted {e.ApplicationId} names grade '{e.Grade}' and kind '{e.Kind}'; one of them is unknown.");
        }

        if (e.Kind == ApplicationKind.Initial && e.PreviousCertificateId is not null)
        {
            return Decision.Reject($"Initial application {e.ApplicationId} names previous certificate {e.PreviousCertificateId}; only a renewal or upgrade replaces a certificate.");
        }

        if (e.Kind != ApplicationKind.Initial && string.IsNullOrWhiteSpace(e.PreviousCertificateId))
        {
            return Decision.Reject($"{e.Kind} application {e.ApplicationId} must name the certificate it replaces (PreviousCertificateId) (RULES.md §5).");
        }

        JurisdictionProfile profile;
        try
        {
            profile = profiles.Get(e.ProfileId, e.ReceivedOn);
        }
        catch (ProfileNotFoundException ex)
        {
            return Decision.Reject($"Application {e.ApplicationId}: {ex.Message}");
        }

        if (!profile.CoversIndustry(e.Industry))
        {
            return Decision.Reject($"Application {e.ApplicationId}: profile {profile.Id} does not cover industry '{e.Industry}'.");
        }

        if (e.FastTrackEligible && (e.Kind != ApplicationKind.Renewal || !profile.FastTrackRenewal.Value || e.FastTrackFailures is { Count: > 0 }))
        {
            return Decision.Reject($"Application {e.ApplicationId}: only a renewal that meets every condition, under a profile that provides it, is fast-tracked (RULES.md §6 [{profile.FastTrackRenewal.Source}]); this is a {e.Kind} under {profile.Id}.");
        }

        var effects = new List<Effect>();
        var next = state with
        {
            ApplicationId = e.ApplicationId,
            EnterpriseId = e.EnterpriseId,
            RegionCode = e.RegionCode,
            Industry = e.Industry,
            Grade = e.Grade,
            Kind = e.Kind,
            ProfileId = profile.Id,
            LicenceRequired = e.LicenceRequired,
            PreviousCertificateId = e.PreviousCertificateId,
            PartialReReviewOf = e.PartialReReviewOf,
            FastTrackEligible = e.FastTrackEligible,
            FastTrackFailures = e.FastTrackFailures is null ? [] : [.. e.FastTrackFailures],
            ReverificationRequired = profile.Level2Reverification.Value && e.Grade == Grade.Level2,
            Stage = ApplicationStatus.MaterialReview,
            ReceivedOn = e.ReceivedOn,
            LastStepOn = e.ReceivedOn,
        };

        if (e.Kind == ApplicationKind.Renewal)
        {
            // RULES.md §6: a filed renewal stops the certificate's renewal reminders, however the application arrives.
            effects.Add(new SignalWorkflow(WorkflowKinds.Certificate, e.PreviousCertificateId!, new RenewalFiled(e.ApplicationId, e.ReceivedOn)));
        }

        // "Within N working days of D" ends at the close of the N-th working day after D (RULES.md §4, counting).
        var rule = Rule("§4.1", profile.MaterialReviewWorkingDays.Source);
        var due = calendar.AddWorkingDays(e.ReceivedOn, profile.MaterialReviewWorkingDays.Value);
        var timers = next.Timers;
        var warnOn = calendar.AddWorkingDays(due.Value, -profile.MaterialReviewWarningWorkingDays.Value).Value;
        if (warnOn > e.ReceivedOn && warnOn < due.Value)
        {
            timers = timers.Set(MaterialReviewWarningTimer, ShanghaiTime.ReminderOn(warnOn), "warn the review organization before the material review is due", effects);
        }

        timers = timers.Set(MaterialReviewDueTimer, ShanghaiTime.EndOf(due.Value), "escalate an unanswered material review", effects);
        next = next with
        {
            Deadlines = [new Deadline(MaterialReviewDeadline, due.Value, rule, due.Provisional)],
            Timers = timers,
        };

        effects.Add(Notice(next, NoticeKinds.ApplicationReceived, Party.ReviewOrganization, due.Value, NoticeClass.Routine, rule, ("deadline", Format(due.Value)), ("receivedOn", Format(e.ReceivedOn))));
        effects.Add(Notice(next, NoticeKinds.ApplicationReceived, Party.Enterprise, e.ReceivedOn, NoticeClass.Informational, rule, ("deadline", Format(due.Value)), ("receivedOn", Format(e.ReceivedOn))));
        return Decision.Apply(next, effects);
    }

    // RULES.md §4.1–§4.3: acceptance ends the material review and starts the 3-month review clock.
    private Decision Accept(ApplicationState state, MaterialReviewAccepted e)
    {
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.AwaitingAssignment,
            AcceptedOn = e.AcceptedOn,
            LastStepOn = e.AcceptedOn,
            Timers = state.Timers.Cancel(MaterialReviewWarningTimer, effects).Cancel(MaterialReviewDueTimer, effects),
            Deadlines = Without(state.Deadlines, MaterialReviewDeadline),
        };
        return Decision.Apply(StartReviewClock(next, effects), effects);
    }

    // RULES.md §6 [001 art.17]: no on-site review; the extension is announced and a new certificate issued, which
    // supersedes the old one. The material review ends here; the review clock never starts.
    private static Decision ConfirmFastTrack(ApplicationState state, FastTrackConfirmed e)
    {
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.Announced,
            FastTrackConfirmedOn = e.ConfirmedOn,
            AnnouncedOn = e.ConfirmedOn,
            LastStepOn = e.ConfirmedOn,
            Timers = state.Timers.CancelAll(effects),
            Deadlines = [],
        };
        // The regulator announces the extension (公告延期); the enterprise learns no on-site review follows.
        (string, string)[] facts = [("confirmedOn", Format(e.ConfirmedOn)), ("previousCertificateId", state.PreviousCertificateId ?? string.Empty)];
        effects.Add(Notice(next, NoticeKinds.RenewalFastTracked, Party.Regulator, e.ConfirmedOn, NoticeClass.Mandatory, FastTrackRule, facts));
        effects.Add(Notice(next, NoticeKinds.RenewalFastTracked, Party.Enterprise, e.ConfirmedOn, NoticeClass.Informational, FastTrackRule, facts));
        return Decision.Apply(next, effects);
    }

    private static string FastTrackRefusal(ApplicationState state) =>
        state.Kind != ApplicationKind.Renewal
            ? $"it is a {state.Kind} application, not a renewal"
            : state.FastTrackFailures.IsEmpty
                ? "no fast-track assessment was recorded"
                : "failed " + string.Join("; ", state.FastTrackFailures.Select(f => $"{f.Code}: {f.ReasonEn} [{f.Source}]"));

    // RULES.md §4.1 [001 art.11]: a rejection is written, with reasons.
    private static Decision RejectMaterials(ApplicationState state, MaterialReviewRejected e)
    {
        if (string.IsNullOrWhiteSpace(e.Reasons))
        {
            return Decision.Reject($"MaterialReviewRejected of application {Describe(state)} gives no reasons; a rejection is written, with reasons ({WrittenRejectionRule}).");
        }

        return Close(state, ApplicationStatus.Rejected, e.RejectedOn, e.Reasons, NoticeKinds.ApplicationRejected, WrittenRejectionRule);
    }

    // RULES.md §4.2: the draw happened outside; its seed is recorded so it can be replayed and audited.
    private static Decision Assign(ApplicationState state, ReviewUnitAssigned e)
    {
        if (string.IsNullOrWhiteSpace(e.UnitId) || string.IsNullOrWhiteSpace(e.DrawSeed))
        {
            return Decision.Reject($"ReviewUnitAssigned of application {Describe(state)} must name the unit and the seed of the random draw (RULES.md §4.2 [000 §3(2)1]).");
        }

        var next = state with
        {
            Stage = ApplicationStatus.UnderReview,
            ReviewUnitId = e.UnitId,
            DrawSeed = e.DrawSeed,
            AssignedOn = e.AssignedOn,
            LastStepOn = e.AssignedOn,
        };
        var review = Find(next, ReviewDeadline)!;
        return Decision.Apply(next, Notice(next, NoticeKinds.ReviewUnitAssigned, Party.ReviewUnit, review.Due, NoticeClass.Mandatory, review.Rule, ("deadline", Format(review.Due)), ("reviewUnitId", e.UnitId)));
    }

    // RULES.md §4.3 [000 §3(2)1]: remediation time does not count, so the clock and its timers stop.
    private static Decision StartRemediation(ApplicationState state, RemediationStarted e)
    {
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.InRemediation,
            RemediationStartedOn = e.StartedOn,
            LastStepOn = e.StartedOn,
            Timers = state.Timers.Cancel(ReviewWarningTimer, effects).Cancel(ReviewDueTimer, effects),
            Deadlines = Without(state.Deadlines, ReviewDeadline),
        };
        return Decision.Apply(next, effects);
    }

    // The pause lasts from its first day up to, not including, the day it ended: started Feb 1, ended Feb 11 is 10 days.
    private Decision EndRemediation(ApplicationState state, RemediationEnded e)
    {
        var days = Period.DaysBetween(state.RemediationStartedOn!.Value, e.EndedOn);
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.UnderReview,
            RemediationDays = state.RemediationDays + days,
            RemediationStartedOn = null,
            LastStepOn = e.EndedOn,
        };
        return Decision.Apply(StartReviewClock(next, effects), effects);
    }

    // RULES.md §4.3–§4.4: the report stops the review clock; non-blocking problems start a remediation workflow.
    private Decision SubmitReport(ApplicationState state, ReviewReportSubmitted e)
    {
        if (string.IsNullOrWhiteSpace(e.Findings))
        {
            return Decision.Reject($"ReviewReportSubmitted of application {Describe(state)} has no findings; the report records what the panel found (RULES.md §4.3 [001 art.13]).");
        }

        var hasRemediation = !string.IsNullOrWhiteSpace(e.NonBlockingFindings);
        if (!hasRemediation && e.RemediationDeadline is not null)
        {
            return Decision.Reject($"ReviewReportSubmitted of application {Describe(state)} sets a remediation deadline without non-blocking findings to fix.");
        }

        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.ReportAudit,
            ReportSubmittedOn = e.SubmittedOn,
            ReportPassed = e.Passed,
            LastStepOn = e.SubmittedOn,
            Timers = state.Timers.Cancel(ReviewWarningTimer, effects).Cancel(ReviewDueTimer, effects),
            Deadlines = Without(state.Deadlines, ReviewDeadline),
        };

        if (hasRemediation)
        {
            var profile = Profile(state);
            var rule = Rule("§4.4", profile.RemediationMaxMonths.Source);
            if (!e.Passed)
            {
                return Decision.Reject($"ReviewReportSubmitted of application {Describe(state)} fails the enterprise yet orders remediation; only problems that do not block the grade get a remediation deadline ({rule}).");
            }

            var latest = e.SubmittedOn.PlusMonths(profile.RemediationMaxMonths.Value);
            if (e.RemediationDeadline is not { } deadline || deadline <= e.SubmittedOn || deadline > latest)
            {
                return Decision.Reject($"ReviewReportSubmitted of application {Describe(state)} lists non-blocking findings with remediation deadline {Format(e.RemediationDeadline)}; it must fall after {Format(e.SubmittedOn)} and no later than {Format(latest)} ({profile.RemediationMaxMonths.Value} months, {rule}).");
            }

            var remediationId = $"{state.ApplicationId}-remediation-{state.RemediationOrders + 1}";
            next = next with { RemediationOrders = state.RemediationOrders + 1 };
            effects.Add(new StartWorkflow(
                WorkflowKinds.Remediation,
                remediationId,
                new RemediationOrdered(remediationId, state.EnterpriseId, state.RegionCode, state.Grade, state.ProfileId, null, state.ApplicationId, e.NonBlockingFindings!, e.SubmittedOn, deadline)));
        }

        return Decision.Apply(next, effects);
    }

    // RULES.md §4.5 [000 §3(2)2]: forward a passing report, or return it with reasons and resume the review.
    private Decision Audit(ApplicationState state, ReportAudited e)
    {
        if (e.Forwarded)
        {
            if (state.ReportPassed != true)
            {
                return Decision.Reject($"Application {Describe(state)}: a failing report is not forwarded to the regulator; return it to the unit with reasons or record ReviewFailed ({AuditRule}).");
            }

            var next = state with { ForwardedOn = e.AuditedOn, LastStepOn = e.AuditedOn };
            if (!state.ReverificationRequired)
            {
                return Decision.Apply(next with { Stage = ApplicationStatus.AwaitingPublicNotice });
            }

            var profile = Profile(state);
            next = next with { Stage = ApplicationStatus.Reverification };
            return Decision.Apply(next, Notice(next, NoticeKinds.ReverificationDue, Party.ReviewOrganization, e.AuditedOn, NoticeClass.Routine, Rule("§4.6", profile.Level2Reverification.Source), ("forwardedOn", Format(e.AuditedOn))));
        }

        if (string.IsNullOrWhiteSpace(e.Reasons))
        {
            return Decision.Reject($"ReportAudited returns the report of application {Describe(state)} without reasons; a returned report states why ({AuditRule}).");
        }

        var effects = new List<Effect>();
        var returned = StartReviewClock(
            state with
            {
                Stage = ApplicationStatus.UnderReview,
                ReportReturns = state.ReportReturns + 1,
                ReportPassed = null,
                LastStepOn = e.AuditedOn,
            },
            effects);
        var review = Find(returned, ReviewDeadline)!;
        effects.Add(Notice(returned, NoticeKinds.ReportReturned, Party.ReviewUnit, e.AuditedOn, NoticeClass.Mandatory, AuditRule, ("reasons", e.Reasons), ("deadline", Format(review.Due))));
        return Decision.Apply(returned, effects);
    }

    // RULES.md §4.6 [004 §2]: only reachable when the profile and grade call for it.
    private static Decision Reverify(ApplicationState state, ReverificationCompleted e) =>
        Decision.Apply(state with
        {
            Stage = ApplicationStatus.AwaitingPublicNotice,
            ReverifiedOn = e.CompletedOn,
            LastStepOn = e.CompletedOn,
        });

    // RULES.md §4.7: notice published on D may close at the end of the N-th working day after D.
    private Decision Publish(ApplicationState state, PublicNoticePublished e)
    {
        var profile = Profile(state);
        var effects = new List<Effect>();
        var next = RunNotice(
            state with
            {
                Stage = ApplicationStatus.PublicNotice,
                NoticePublishedOn = e.PublishedOn,
                NoticeWorkingDaysRun = 0,
                LastStepOn = e.PublishedOn,
            },
            e.PublishedOn,
            profile,
            effects);
        var notice = Find(next, PublicNoticeDeadline)!;
        effects.Add(Notice(next, NoticeKinds.PublicNoticeOpen, Party.Enterprise, e.PublishedOn, NoticeClass.Informational, notice.Rule, ("publishedOn", Format(e.PublishedOn)), ("deadline", Format(notice.Due))));
        return Decision.Apply(next, effects);
    }

    // RULES.md §4.7: an objection stops the notice clock. The day it is raised does not count as a notice day,
    // so the public always has the full number of uncontested working days.
    private Decision RaiseObjection(ApplicationState state, ObjectionRaised e)
    {
        if (string.IsNullOrWhiteSpace(e.ObjectionId) || string.IsNullOrWhiteSpace(e.Summary))
        {
            return Decision.Reject($"ObjectionRaised on application {Describe(state)} must carry an objection id and a summary.");
        }

        var profile = Profile(state);
        var rule = Rule("§4.7", profile.PublicNoticeWorkingDays.Source);
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.ObjectionPending,
            OpenObjections = state.OpenObjections.Add(e.ObjectionId),
            ObjectionsRaised = state.ObjectionsRaised.Add(e.ObjectionId),
            LastStepOn = e.RaisedOn,
        };

        if (state.Stage == ApplicationStatus.PublicNotice)
        {
            var remaining = profile.PublicNoticeWorkingDays.Value - state.NoticeWorkingDaysRun;
            var ranNow = calendar.WorkingDaysBetween(state.NoticeRunsFrom!.Value, e.RaisedOn.PlusDays(-1)).Value;
            next = next with
            {
                NoticeWorkingDaysRun = state.NoticeWorkingDaysRun + Math.Clamp(ranNow, 0, remaining),
                NoticeClosesOn = null,
                NoticeRunsFrom = null,
                Timers = state.Timers.Cancel(PublicNoticeClosesTimer, effects),
                Deadlines = Without(state.Deadlines, PublicNoticeDeadline),
            };
        }

        (string, string)[] facts = [("objectionId", e.ObjectionId), ("summary", e.Summary), ("noticeWorkingDaysRun", Number(next.NoticeWorkingDaysRun))];
        effects.Add(Notice(next, NoticeKinds.ObjectionRaised, Party.Regulator, e.RaisedOn, NoticeClass.Mandatory, rule, facts));
        effects.Add(Notice(next, NoticeKinds.ObjectionRaised, Party.Enterprise, e.RaisedOn, NoticeClass.Informational, rule, facts));
        return Decision.Apply(next, effects);
    }

    // RULES.md §4.7: an upheld objection fails the application; a dismissed one lets the remaining working days
    // run again, counted after the day of resolution, once no other objection is open.
    private Decision ResolveObjection(ApplicationState state, ObjectionResolved e)
    {
        if (string.IsNullOrWhiteSpace(e.Resolution))
        {
            return Decision.Reject($"ObjectionResolved {e.ObjectionId} on application {Describe(state)} must state the resolution.");
        }

        var profile = Profile(state);
        if (e.Upheld)
        {
            return FailWithWindow(state, e.ResolvedOn, $"Objection {e.ObjectionId} upheld: {e.Resolution}", Rule("§4.7", profile.PublicNoticeWorkingDays.Source));
        }

        var next = state with { OpenObjections = state.OpenObjections.Remove(e.ObjectionId), LastStepOn = e.ResolvedOn };
        if (!next.OpenObjections.IsEmpty)
        {
            return Decision.Apply(next);
        }

        var effects = new List<Effect>();
        next = RunNotice(next with { Stage = ApplicationStatus.PublicNotice }, e.ResolvedOn, profile, effects);
        var notice = Find(next, PublicNoticeDeadline)!;
        effects.Add(Notice(next, NoticeKinds.PublicNoticeOpen, Party.Enterprise, e.ResolvedOn, NoticeClass.Informational, notice.Rule, ("objectionId", e.ObjectionId), ("deadline", Format(notice.Due))));
        return Decision.Apply(next, effects);
    }

    // RULES.md §4.8: only after the notice has run; the refusal of an early one is in SpecificRefusal.
    private static Decision Announce(ApplicationState state, Announced e)
    {
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.Announced,
            AnnouncedOn = e.AnnouncedOn,
            LastStepOn = e.AnnouncedOn,
            Timers = state.Timers.Cancel(PublicNoticeClosesTimer, effects),
            Deadlines = Without(state.Deadlines, PublicNoticeDeadline),
        };
        return Decision.Apply(next, effects);
    }

    // RULES.md §4.8, §5: the certificate workflow takes over; valid through the day before the N-th anniversary.
    private Decision Issue(ApplicationState state, CertificateIssuedToEnterprise e)
    {
        if (string.IsNullOrWhiteSpace(e.CertificateId) || string.IsNullOrWhiteSpace(e.Number))
        {
            return Decision.Reject($"CertificateIssuedToEnterprise for application {Describe(state)} must carry the certificate id and number.");
        }

        var profile = Profile(state);
        var validThrough = CertificateValidity.LastValidDay(e.IssuedOn, profile);
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.Issued,
            CertificateId = e.CertificateId,
            CertificateNumber = e.Number,
            IssuedOn = e.IssuedOn,
            LastStepOn = e.IssuedOn,
            Timers = state.Timers.CancelAll(effects),
            Deadlines = [],
        };
        var supersedes = state.Kind == ApplicationKind.Initial ? null : state.PreviousCertificateId;
        effects.Add(new StartWorkflow(
            WorkflowKinds.Certificate,
            e.CertificateId,
            new CertificateIssued(e.CertificateId, e.Number, state.EnterpriseId, state.RegionCode, state.Grade, state.ProfileId, e.IssuedOn, validThrough, state.LicenceRequired, supersedes, state.ApplicationId, state.ReviewUnitId, Industry: state.Industry)));
        // RULES.md §4.4 [001 art.14]: the remediation orders of the review follow the grade they were made for.
        for (var order = 1; order <= state.RemediationOrders; order++)
        {
            effects.Add(new SignalWorkflow(WorkflowKinds.Remediation, $"{state.ApplicationId}-remediation-{order}", new GradeCertificateIssued(e.CertificateId)));
        }

        effects.Add(Notice(next, NoticeKinds.CertificateIssued, Party.Enterprise, e.IssuedOn, NoticeClass.Informational, Rule("§5", profile.CertificateValidityYears.Source), ("certificateId", e.CertificateId), ("certificateNumber", e.Number), ("issuedOn", Format(e.IssuedOn)), (NoticeFactNames.LastValidDay, Format(validThrough))));
        return Decision.Apply(next, effects);
    }

    private Decision Fail(ApplicationState state, ReviewFailed e)
    {
        if (e.FailedBy is not (Party.ReviewUnit or Party.ReviewOrganization))
        {
            return Decision.Reject($"ReviewFailed of application {Describe(state)} comes from {e.FailedBy}; only the review unit or the review organization concludes a review (RULES.md §1).");
        }

        if (string.IsNullOrWhiteSpace(e.Findings))
        {
            return Decision.Reject($"ReviewFailed of application {Describe(state)} gives no findings; the enterprise must know what to fix (RULES.md §4.9).");
        }

        return FailWithWindow(state, e.FailedOn, e.Findings, Rule("§4.9", Profile(state).PartialReReviewMonths.Source));
    }

    // RULES.md §4.9 [001 art.15]: a reapplication within the window gets a review of the fixed items only.
    private Decision FailWithWindow(ApplicationState state, LocalDate failedOn, string findings, string rule)
    {
        var profile = Profile(state);
        var windowRule = Rule("§4.9", profile.PartialReReviewMonths.Source);
        var window = failedOn.PlusMonths(profile.PartialReReviewMonths.Value);
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = ApplicationStatus.Failed,
            ClosedOn = failedOn,
            ClosingReasons = findings,
            LastStepOn = failedOn,
            Timers = state.Timers.CancelAll(effects),
            Deadlines = [new Deadline(PartialReReviewDeadline, window, windowRule)],
        };
        effects.Add(Notice(next, NoticeKinds.ApplicationFailed, Party.Enterprise, failedOn, NoticeClass.Mandatory, rule, ("findings", findings), ("deadline", Format(window))));
        EndWithoutCertificate(state, failedOn, failed: true, effects);
        return Decision.Apply(next, effects);
    }

    private static Decision Withdraw(ApplicationState state, Withdrawn e) =>
        Close(state, ApplicationStatus.Withdrawn, e.WithdrawnOn, e.Reason, NoticeKinds.ApplicationWithdrawn, "RULES.md §4 convention: an application is voluntary, so it may be withdrawn [001 art.3]");

    private static Decision Close(ApplicationState state, ApplicationStatus status, LocalDate on, string? reasons, string noticeKind, string rule)
    {
        var effects = new List<Effect>();
        var next = state with
        {
            Stage = status,
            ClosedOn = on,
            ClosingReasons = reasons,
            LastStepOn = on,
            Timers = state.Timers.CancelAll(effects),
            Deadlines = [],
        };
        var recipient = status == ApplicationStatus.Withdrawn ? Party.ReviewOrganization : Party.Enterprise;
        var noticeClass = status == ApplicationStatus.Rejected ? NoticeClass.Mandatory : NoticeClass.Informational;
        effects.Add(Notice(next, noticeKind, recipient, on, noticeClass, rule, ("reasons", reasons ?? string.Empty)));
        EndWithoutCertificate(state, on, failed: false, effects);
        return Decision.Apply(next, effects);
    }

    // An application that ends without a certificate ends what waits on it: the renewal it filed, so the old certificate's
    // reminders resume (RULES.md §6), and the remediation orders of its review, which no grade will follow (RULES.md §4.4).
    private static void EndWithoutCertificate(ApplicationState state, LocalDate on, bool failed, List<Effect> effects)
    {
        if (state.Kind == ApplicationKind.Renewal && state.PreviousCertificateId is { } previous)
        {
            effects.Add(new SignalWorkflow(WorkflowKinds.Certificate, previous, failed ? new RenewalFailed(state.ApplicationId, on) : new RenewalWithdrawn(state.ApplicationId, on)));
        }

        for (var order = 1; order <= state.RemediationOrders; order++)
        {
            effects.Add(new SignalWorkflow(WorkflowKinds.Remediation, $"{state.ApplicationId}-remediation-{order}", new ApplicationClosed(state.ApplicationId, on)));
        }
    }

    private static Decision OnTimer(ApplicationState state, TimerFired fired)
    {
        var next = state with { Timers = state.Timers.Fired(fired) };
        switch (fired.TimerId)
        {
            case MaterialReviewWarningTimer:
                {
                    var due = Find(state, MaterialReviewDeadline)!;
                    return Decision.Apply(next, Notice(next, NoticeKinds.MaterialReviewDueSoon, Party.ReviewOrganization, due.Due, NoticeClass.Routine, due.Rule, ("deadline", Format(due.Due))));
                }

            case MaterialReviewDueTimer:
                {
                    var due = Find(state, MaterialReviewDeadline)!;
                    return Decision.Apply(
                        next,
                        Notice(next, NoticeKinds.MaterialReviewOverdue, Party.ReviewOrganization, due.Due, NoticeClass.Mandatory, due.Rule, ("deadline", Format(due.Due))),
                        Notice(next, NoticeKinds.MaterialReviewOverdue, Party.Regulator, due.Due, NoticeClass.Mandatory, due.Rule, ("deadline", Format(due.Due))));
                }

            case ReviewWarningTimer:
                {
                    var due = Find(state, ReviewDeadline)!;
                    var recipient = state.ReviewUnitId is null ? Party.ReviewOrganization : Party.ReviewUnit;
                    return Decision.Apply(next, Notice(next, NoticeKinds.ReviewDueSoon, recipient, due.Due, NoticeClass.Routine, due.Rule, ("deadline", Format(due.Due)), ("reviewUnitId", state.ReviewUnitId ?? string.Empty)));
                }

            case ReviewDueTimer:
                {
                    var due = Find(state, ReviewDeadline)!;
                    (string, string)[] facts = [("deadline", Format(due.Due)), ("reviewUnitId", state.ReviewUnitId ?? string.Empty), ("remediationDays", Number(state.RemediationDays))];
                    return Decision.Apply(
                        next,
                        Notice(next, NoticeKinds.ReviewOverdue, Party.ReviewOrganization, due.Due, NoticeClass.Mandatory, due.Rule, facts),
                        Notice(next, NoticeKinds.ReviewOverdue, Party.Regulator, due.Due, NoticeClass.Mandatory, due.Rule, facts));
                }

            case PublicNoticeClosesTimer:
                {
                    var due = Find(state, PublicNoticeDeadline)!;
                    return Decision.Apply(next, Notice(next, NoticeKinds.PublicNoticeClosed, Party.Regulator, due.Due, NoticeClass.Informational, due.Rule, ("deadline", Format(due.Due)), ("announceFrom", Format(due.Due.PlusDays(1)))));
                }

            default:
                return Decision.Reject($"Application {Describe(state)} set no timer named {fired.TimerId}.");
        }
    }

    // RULES.md §4.3, counting: "within 3 months" from acceptance is acceptance + 3 calendar months (clamped to
    // the month's end) plus every day spent in remediation.
    private ApplicationState StartReviewClock(ApplicationState state, List<Effect> effects)
    {
        var profile = Profile(state);
        var due = state.AcceptedOn!.Value.PlusMonths(profile.ReviewMonths.Value).PlusDays(state.RemediationDays);
        var warnOn = due.PlusDays(-profile.ReviewWarningDays.Value);
        var timers = state.Timers.Cancel(ReviewWarningTimer, effects);
        // A warning day already behind the step that set the clock (a late return, a long pause) would only repeat the overdue notice.
        if (warnOn > state.LastStepOn)
        {
            timers = timers.Set(ReviewWarningTimer, ShanghaiTime.ReminderOn(warnOn), "warn the review unit before the review is due", effects);
        }

        timers = timers.Set(ReviewDueTimer, ShanghaiTime.EndOf(due), "escalate an unfinished review", effects);
        return state with
        {
            Timers = timers,
            Deadlines = Without(state.Deadlines, ReviewDeadline).Add(new Deadline(ReviewDeadline, due, Rule("§4.3", profile.ReviewMonths.Source))),
        };
    }

    private ApplicationState RunNotice(ApplicationState state, LocalDate from, JurisdictionProfile profile, List<Effect> effects)
    {
        var remaining = profile.PublicNoticeWorkingDays.Value - state.NoticeWorkingDaysRun;
        var closes = calendar.AddWorkingDays(from, remaining);
        return state with
        {
            NoticeRunsFrom = from,
            NoticeClosesOn = closes.Value,
            Timers = state.Timers.Set(PublicNoticeClosesTimer, ShanghaiTime.EndOf(closes.Value), "tell the regulator the notice has run", effects),
            Deadlines = Without(state.Deadlines, PublicNoticeDeadline).Add(new Deadline(PublicNoticeDeadline, closes.Value, Rule("§4.7", profile.PublicNoticeWorkingDays.Source), closes.Provisional)),
        };
    }

    private JurisdictionProfile Profile(ApplicationState state) => profiles.Get(state.ProfileId, state.ReceivedOn);

    private static ApplicationSubmitted SubmittedAs(ApplicationState state) => new(
        state.ApplicationId,
        state.EnterpriseId,
        state.RegionCode,
        state.Industry,
        state.Grade,
        state.Kind,
        state.ProfileId,
        state.ReceivedOn!.Value,
        state.LicenceRequired,
        state.PreviousCertificateId,
        state.PartialReReviewOf,
        state.FastTrackEligible);

    private static Notify Notice(ApplicationState state, string kind, Party recipient, LocalDate dueDate, NoticeClass noticeClass, string rule, params (string Key, string Value)[] extra)
    {
        var facts = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        facts["applicationId"] = state.ApplicationId;
        facts["enterpriseId"] = state.EnterpriseId;
        facts["regionCode"] = state.RegionCode;
        facts["grade"] = state.Grade.ToString();
        facts["kind"] = state.Kind.ToString();
        foreach (var (key, value) in extra)
        {
            facts[key] = value;
        }

        return new Notify(kind, recipient, dueDate, noticeClass, rule, facts.ToImmutable());
    }

    private static Deadline? Find(ApplicationState state, string name) => state.Deadlines.FirstOrDefault(d => d.Name == name);

    private static ImmutableArray<Deadline> Without(ImmutableArray<Deadline> deadlines, string name) => deadlines.RemoveAll(d => d.Name == name);

    private static string Rule(string section, string source) => $"RULES.md {section} [{source}]";

    private static string Describe(ApplicationState state) => string.IsNullOrEmpty(state.ApplicationId) ? "(not submitted)" : state.ApplicationId;

    private static string Format(LocalDate? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "(none)";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
