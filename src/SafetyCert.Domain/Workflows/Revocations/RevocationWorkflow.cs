using SafetyCert.Domain.Grading;
using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows.Certificates;

namespace SafetyCert.Domain.Workflows.Revocations;

/// <summary>
/// The revocation of one certificate (RULES.md §7): records the decision, tells the certificate, notifies
/// the enterprise, the review organization and the regulator, reminds the organization every
/// <c>RecallReminderIntervalDays</c> until certificate and plaque are both back, and announces the end of
/// the ban. Closes when both items are back and the ban has ended.
/// </summary>
public sealed class RevocationWorkflow(WorkingDayCalendar calendar, ProfileCatalog profiles) : Workflow<RevocationState>
{
    /// <summary>The timer that reminds the organization of the recall; re-set after each reminder.</summary>
    public const string RecallReminderTimer = "recall-reminder";

    /// <summary>The timer at the start of the first day the enterprise may apply again.</summary>
    public const string BanEndTimer = "ban-end";

    private const string RecallRule = "RULES.md §7 convention: recall of certificate and plaque [000 §3(4)]";

    public override string Kind => WorkflowKinds.Revocation;

    public override RevocationState Initial { get; } = new();

    /// <summary>The calendar the workflow was built with; revocation dates are calendar dates, not working days.</summary>
    public WorkingDayCalendar Calendar { get; } = calendar;

    protected override ImmutableSortedDictionary<string, string> ScopeFacts(RevocationState state) =>
        NoticeFacts.Scope(state.EnterpriseId, state.RegionCode, state.Grade, certificateNumber: state.CertificateNumber, regulatorLevel: Jurisdiction.TierOf(profiles, state.ProfileId, state.Grade));

    protected override Decision Decide(RevocationState state, WorkflowEvent @event, Instant now) =>
        (state.Current, @event) switch
        {
            (RevocationStatus.NotOpened, RevocationOpened opened) => Open(opened),
            (RevocationStatus.NotOpened, _) => Decision.Reject(
                $"The revocation is {state.Status} and expects {nameof(RevocationOpened)}; {@event.GetType().Name} is not allowed."),
            (_, RevocationOpened) => Decision.Ignore($"The revocation of {state.CertificateId} is already open since {state.RevokedOn:yyyy-MM-dd}."),
            (_, CertificateReturned returned) => CertificateBack(state, returned),
            (_, PlaqueReturned returned) => PlaqueBack(state, returned),
            (_, TimerFired { TimerId: RecallReminderTimer } fired) => RemindRecall(state, fired),
            (_, TimerFired { TimerId: BanEndTimer } fired) => EndBan(state, fired),
            _ => Decision.Reject(
                $"The revocation is {state.Status} and expects {nameof(CertificateReturned)}, {nameof(PlaqueReturned)} or its timers; {@event.GetType().Name} is not allowed."),
        };

    private Decision Open(RevocationOpened opened)
    {
        if (string.IsNullOrWhiteSpace(opened.CertificateId) || string.IsNullOrWhiteSpace(opened.EnterpriseId))
        {
            return Decision.Reject($"{nameof(RevocationOpened)} needs a certificate id and an enterprise id.");
        }

        if (NoticeFacts.ScopeProblem(opened.RegionCode, opened.Grade) is { } scopeProblem)
        {
            return Decision.Reject($"{nameof(RevocationOpened)} {scopeProblem}");
        }

        if (RevocationRules.ProblemWith(opened.Automatic, opened.Grounds, opened.Reason, opened.EvidenceDocumentIds) is { } problem)
        {
            return Decision.Reject(problem.English);
        }

        JurisdictionProfile profile;
        try
        {
            profile = profiles.Get(opened.ProfileId, opened.On);
        }
        catch (ProfileNotFoundException e)
        {
            return Decision.Reject(e.Message);
        }

        var banEndsOn = RevocationRules.BanEndsOn(profile, opened.On);
        var firstReminder = opened.On.PlusDays(profile.RecallReminderIntervalDays.Value);
        var effects = new List<Effect>
        {
            new SignalWorkflow(WorkflowKinds.Certificate, opened.CertificateId, new RevocationConfirmed(opened.Grounds, opened.On, banEndsOn)),
        };
        // Facts are codes and numbers; the notice turns them into each language. The reason is shown only when a
        // regulator wrote it: an automatic revocation is explained by its accident.
        var facts = NoticeFacts.Of(
            ("certificateId", opened.CertificateId),
            ("certificateNumber", opened.CertificateNumber),
            ("grounds", string.Join(",", opened.Grounds)),
            ("decision", opened.Automatic ? "automatic" : "regulator"),
            ("reason", opened.Automatic ? string.Empty : opened.Reason ?? string.Empty),
            ("accidentOn", opened.AccidentOn is { } accidentOn ? NoticeFacts.Date(accidentOn) : string.Empty),
            ("deaths", opened.Deaths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            ("deathThreshold", opened.Deaths is not null && profile.FatalAccidentDeaths.Value.TryGetValue(opened.Grade, out var threshold)
                ? threshold.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : string.Empty),
            ("revokedOn", NoticeFacts.Date(opened.On)),
            ("banEndsOn", NoticeFacts.Date(banEndsOn)),
            ("recall", "certificate,plaque"));
        // The notice cites the ban and the provision behind each ground (RULES.md §7 (1)…(7)).
        var groundsRule = string.Join("; ", opened.Grounds.Select(g => RevocationRules.SourceOf(g, profile)));
        effects.Add(new Notify(NoticeKinds.CertificateRevoked, Party.Enterprise, opened.On, NoticeClass.Mandatory, $"{BanRule(profile)}; {groundsRule}", facts));
        effects.Add(new Notify(NoticeKinds.CertificateRevoked, Party.ReviewOrganization, opened.On, NoticeClass.Mandatory, $"{RecallRule}; {groundsRule}", facts));
        effects.Add(new Notify(NoticeKinds.CertificateRevoked, Party.Regulator, opened.On, NoticeClass.Informational, $"{BanRule(profile)}; {groundsRule}", facts));

        var timers = TimerBook.Empty
            .Set(RecallReminderTimer, ShanghaiTime.ReminderOn(firstReminder), $"recall reminder {NoticeFacts.Date(firstReminder)}", effects);
        timers = timers.Set(BanEndTimer, ShanghaiTime.StartOf(banEndsOn), $"ban ends {NoticeFacts.Date(banEndsOn)}", effects);

        return Decision.Apply(
            new RevocationState
            {
                CertificateId = opened.CertificateId,
                CertificateNumber = opened.CertificateNumber,
                EnterpriseId = opened.EnterpriseId,
                RegionCode = opened.RegionCode,
                Grade = opened.Grade,
                ProfileId = profile.Id,
                Grounds = opened.Grounds,
                Automatic = opened.Automatic,
                Reason = opened.Reason,
                EvidenceDocumentIds = opened.EvidenceDocumentIds.IsDefault ? [] : opened.EvidenceDocumentIds,
                TriggerId = opened.TriggerId,
                RevokedOn = opened.On,
                BanEndsOn = banEndsOn,
                BanRule = BanRule(profile),
                Timers = timers,
            },
            effects);
    }

    private static Decision CertificateBack(RevocationState state, CertificateReturned returned)
    {
        if (state.CertificateReturnedOn is { } earlier)
        {
            return Decision.Ignore($"The certificate was already recorded back on {NoticeFacts.Date(earlier)}.");
        }

        return returned.On < state.RevokedOn
            ? Decision.Reject($"The certificate cannot be returned on {NoticeFacts.Date(returned.On)}, before the revocation on {state.RevokedOn:yyyy-MM-dd}.")
            : AfterReturn(state with { CertificateReturnedOn = returned.On });
    }

    private static Decision PlaqueBack(RevocationState state, PlaqueReturned returned)
    {
        if (state.PlaqueReturnedOn is { } earlier)
        {
            return Decision.Ignore($"The plaque was already recorded back on {NoticeFacts.Date(earlier)}.");
        }

        return returned.On < state.RevokedOn
            ? Decision.Reject($"The plaque cannot be returned on {NoticeFacts.Date(returned.On)}, before the revocation on {state.RevokedOn:yyyy-MM-dd}.")
            : AfterReturn(state with { PlaqueReturnedOn = returned.On });
    }

    private static Decision AfterReturn(RevocationState state)
    {
        var effects = new List<Effect>();
        if (state.Current != RevocationStatus.Recalling)
        {
            state = state with { Timers = state.Timers.Cancel(RecallReminderTimer, effects) };
        }

        return Decision.Apply(state, effects);
    }

    private Decision RemindRecall(RevocationState state, TimerFired fired)
    {
        var profile = profiles.Get(state.ProfileId!, state.RevokedOn);
        var due = ShanghaiTime.DateOf(state.Timers.Active[fired.TimerId].DueAt);
        var next = due.PlusDays(profile.RecallReminderIntervalDays.Value);
        var effects = new List<Effect>
        {
            new Notify(
                NoticeKinds.RecallReminder,
                Party.ReviewOrganization,
                due,
                NoticeClass.Routine,
                RecallRule,
                NoticeFacts.Of(
                    ("certificateId", state.CertificateId!),
                    ("certificateNumber", state.CertificateNumber ?? string.Empty),
                    ("revokedOn", NoticeFacts.Date(state.RevokedOn!.Value)),
                    ("certificateOutstanding", (state.CertificateReturnedOn is null).ToString()),
                    ("plaqueOutstanding", (state.PlaqueReturnedOn is null).ToString()))),
        };
        var timers = state.Timers.Fired(fired).Set(RecallReminderTimer, ShanghaiTime.ReminderOn(next), $"recall reminder {NoticeFacts.Date(next)}", effects);
        return Decision.Apply(state with { Timers = timers }, effects);
    }

    // The ban's own source in the profile the revocation runs on (Ningxia cites 001 art.21; elsewhere it is applied by convention).
    private static string BanRule(JurisdictionProfile profile) => $"RULES.md §7 [{profile.RevocationBanYears.Source}]";

    private Decision EndBan(RevocationState state, TimerFired fired)
    {
        var end = state.BanEndsOn!.Value;
        var rule = state.BanRule ?? BanRule(profiles.Get(state.ProfileId!, state.RevokedOn));
        var facts = NoticeFacts.Of(
            ("certificateId", state.CertificateId!),
            ("enterpriseId", state.EnterpriseId!),
            ("revokedOn", NoticeFacts.Date(state.RevokedOn!.Value)),
            ("mayApplyFrom", NoticeFacts.Date(end)));
        return Decision.Apply(
            state with { BanEnded = true, Timers = state.Timers.Fired(fired) },
            new Notify(NoticeKinds.BanEnded, Party.Enterprise, end, NoticeClass.Informational, rule, facts),
            new Notify(NoticeKinds.BanEnded, Party.Regulator, end, NoticeClass.Informational, rule, facts));
    }

}
