using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Accreditations;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Domain.Workflows.Revocations;
using SafetyCert.Domain.Workflows.SelfAssessments;
using SafetyCert.Domain.Tests.Workflows.Applications;

namespace SafetyCert.Domain.Tests.Workflows;

/// <summary>
/// Every workflow run along a realistic path, late where it can be late, each instance started by the
/// workflow that starts it in production (certificate from application, remediation from application,
/// revocation from certificate), collecting every notice sent on the way.
/// </summary>
internal static class NoticePaths
{
    /// <summary>The path names, for theories.</summary>
    public static IEnumerable<string> Names => Paths.Keys;

    public static IReadOnlyList<Notify> Notices(string path) => Paths[path]();

    public static IEnumerable<Notify> All() => Paths.Values.SelectMany(p => p());

    /// <summary>
    /// The deadlines the workflow held when it emitted a notice: those running before the decision and those
    /// running after it. A date a notice states is one of these, never one the notice works out for itself.
    /// </summary>
    public static IReadOnlySet<LocalDate> ComputedDeadlines(Notify notice) =>
        Computed.TryGetValue(notice, out var dates) ? dates : throw new InvalidOperationException($"Notice {notice.Kind} was not emitted on a path.");

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Notify, HashSet<LocalDate>> Computed = new();

    private static readonly Dictionary<string, Func<List<Notify>>> Paths = new(StringComparer.Ordinal)
    {
        ["application late, returned, objected, issued"] = () => LateApplication().Notices,
        ["application withdrawn"] = () => ShortApplication(new Withdrawn(Date("2026-03-04"), "merging with a sister company")),
        ["application rejected"] = () => ShortApplication(new MaterialReviewRejected(Date("2026-03-04"), "no hazard ledger")),
        ["application failed"] = FailedApplication,
        ["application re-verified (Beijing level 2)"] = ReverifiedApplication,
        ["certificate from the application, to expiry"] = CertificateToExpiry,
        ["certificate issued on 29 February, to expiry"] = () => Unrenewed("2024-02-29"),
        ["certificate whose last valid day precedes the National Day holiday"] = () => Unrenewed("2023-10-01"),
        ["certificate without its review unit, fatal accident"] = () => FatalAccident().Notices,
        ["revocation started by the certificate"] = Revocation,
        ["certificate superseded"] = Superseded,
        ["renewal confirmed without an on-site review (Ningxia)"] = FastTracked,
        ["remediation ordered by the application, missed"] = Remediation,
        ["remediation from the review follows the certificate, missed: grade cancelled"] = CancelledGrade,
        ["self-assessment overdue"] = SelfAssessment,
        ["accreditation lapsed"] = Accreditation,
    };

    private static (List<Notify> Notices, List<StartWorkflow> Started) LateApplication()
    {
        var app = Application();
        Send(app, ApplicationDriver.Submission(Date("2026-03-02"), Grade.Level2));
        app.RunUntil(ShanghaiTime.StartOf(Date("2026-03-25")));
        Send(app, new MaterialReviewAccepted(Date("2026-03-25")));
        Send(app, new ReviewUnitAssigned("unit-7", "seed-42", Date("2026-03-26")));
        app.RunUntil(ShanghaiTime.StartOf(Date("2026-06-30")));
        Send(app, new ReviewReportSubmitted(Date("2026-06-30"), Passed: true, "meets level 2", "fire exits poorly marked", Date("2026-12-30")));
        Send(app, new ReportAudited(Date("2026-07-01"), Forwarded: false, "the scoring sheet is unsigned"));
        Send(app, new ReviewReportSubmitted(Date("2026-07-03"), Passed: true, "meets level 2, scoring sheet signed"));
        Send(app, new ReportAudited(Date("2026-07-06"), Forwarded: true));
        Send(app, new PublicNoticePublished(Date("2026-07-07")));
        Send(app, new ObjectionRaised("obj-1", Date("2026-07-08"), "a neighbour reports blocked exits"));
        Send(app, new ObjectionResolved("obj-1", Date("2026-07-10"), Upheld: false, "exits inspected and clear"));
        app.RunUntil(ShanghaiTime.StartOf(Date("2026-07-21")));
        Send(app, new Announced(Date("2026-07-21")));
        Send(app, new CertificateIssuedToEnterprise("NX-C-2026-0001", "宁AQBⅡ2026000001", Date("2026-07-24")));
        return (NoticesOf(app), [.. app.Applied.SelectMany(d => d.Effects).OfType<StartWorkflow>()]);
    }

    private static List<Notify> ShortApplication(WorkflowEvent ending)
    {
        var app = Application();
        Send(app, ApplicationDriver.Submission(Date("2026-03-02"), Grade.Level3));
        Send(app, ending);
        return NoticesOf(app);
    }

    private static List<Notify> FailedApplication()
    {
        var app = Application();
        Send(app, ApplicationDriver.Submission(Date("2026-03-02"), Grade.SmallMicro));
        Send(app, new MaterialReviewAccepted(Date("2026-03-05")));
        Send(app, new ReviewUnitAssigned("unit-9", "seed-7", Date("2026-03-06")));
        Send(app, new ReviewFailed(Date("2026-04-20"), Party.ReviewUnit, "no emergency drills on record"));
        return NoticesOf(app);
    }

    private static List<Notify> ReverifiedApplication()
    {
        var app = Application();
        Send(app, ApplicationDriver.Submission(Date("2026-03-02"), Grade.Level2, ApplicationDriver.Beijing));
        Send(app, new MaterialReviewAccepted(Date("2026-03-05")));
        Send(app, new ReviewUnitAssigned("unit-3", "seed-9", Date("2026-03-06")));
        Send(app, new ReviewReportSubmitted(Date("2026-05-06"), Passed: true, "meets level 2"));
        Send(app, new ReportAudited(Date("2026-05-08"), Forwarded: true));
        return NoticesOf(app);
    }

    private static List<Notify> CertificateToExpiry()
    {
        var issued = Started<CertificateIssued>(LateApplication().Started);
        var certificate = Certificate();
        Send(certificate, issued, issued.IssuedOn);
        Send(certificate, new LicenceLapsed(Date("2026-09-01")));
        Send(certificate, new LicenceRenewed(Date("2026-09-10"), Date("2029-09-10")));
        Send(certificate, new AccidentReported("acc-1", Date("2026-10-01"), Deaths: 0, ConcealedOrLate: true));
        certificate.RunUntil(ShanghaiTime.StartOf(issued.ValidThrough.PlusDays(5)));
        Assert.Equal(CertificateStatus.Expired, certificate.State.Current);
        return NoticesOf(certificate);
    }

    // RULES.md §5: the last valid day comes from the one function that computes it, as the application workflow issues it.
    private static List<Notify> Unrenewed(string issuedOn)
    {
        var issued = Date(issuedOn);
        var validThrough = SafetyCert.Domain.Certificates.CertificateValidity.LastValidDay(issued, 3);
        var certificate = Certificate();
        Send(
            certificate,
            new CertificateIssued("SX-C-0229", "晋AQBⅢ" + issued.Year + "000229", "SX-E-0229", "140105", Grade.Level3, TestProfiles.NationalId, issued, validThrough, LicenceRequired: false, ReviewUnitId: "unit-2"),
            issued);
        certificate.RunUntil(ShanghaiTime.StartOf(validThrough.PlusDays(5)));
        Assert.Equal(CertificateStatus.Expired, certificate.State.Current);
        return NoticesOf(certificate);
    }

    private static (List<Notify> Notices, RevocationOpened Opened) FatalAccident()
    {
        var certificate = Certificate();
        Send(
            certificate,
            new CertificateIssued("HE-C-2025-0017", "冀AQBⅡ2025000017", "HE-E-0300", "130102", Grade.Level2, TestProfiles.NationalId, Date("2025-04-10"), Date("2028-04-09"), LicenceRequired: true),
            Date("2025-04-10"));
        certificate.RunUntil(ShanghaiTime.StartOf(Date("2026-05-01")));
        Send(certificate, new AccidentReported("acc-2", Date("2026-08-20"), Deaths: 2, ConcealedOrLate: false));
        var started = certificate.Applied.SelectMany(d => d.Effects).OfType<StartWorkflow>().ToList();
        return (NoticesOf(certificate), Started<RevocationOpened>(started));
    }

    private static List<Notify> Revocation()
    {
        var opened = FatalAccident().Opened;
        var revocation = new WorkflowDriver<RevocationState>(new RevocationWorkflow(WorkflowDriver<RevocationState>.Calendar, TestProfiles.Catalog));
        Send(revocation, opened, opened.On);
        revocation.RunUntil(ShanghaiTime.StartOf(opened.On.PlusDays(20)));
        Send(revocation, new CertificateReturned(opened.On.PlusDays(21)));
        Send(revocation, new PlaqueReturned(opened.On.PlusDays(22)));
        revocation.RunUntil(ShanghaiTime.StartOf(opened.On.PlusYears(3)));
        Assert.True(revocation.State.IsFinal, $"The revocation is {revocation.State.Status}.");
        return NoticesOf(revocation);
    }

    private static List<Notify> FastTracked()
    {
        var app = new WorkflowDriver<ApplicationState>(new ApplicationWorkflow(WorkflowDriver<ApplicationState>.Calendar, SafetyCert.Domain.Profiles.ProfileCatalog.Embedded));
        Send(app, new ApplicationSubmitted("NX-A-2029-002", "NX-E-0007", "640104", "industry-trade", Grade.Level3, SafetyCert.Domain.Eligibility.ApplicationKind.Renewal, "ningxia-2017", Date("2029-01-05"),
            PreviousCertificateId: "NX-C-2026-0007", FastTrackEligible: true), Date("2029-01-05"));
        Send(app, new FastTrackConfirmed(Date("2029-01-11")));
        return NoticesOf(app);
    }

    private static List<Notify> Superseded()
    {
        var certificate = Certificate();
        Send(
            certificate,
            new CertificateIssued("FJ-C-2024-0002", "闽AQBⅢ2024000002", "FJ-E-0044", "350102", Grade.Level3, TestProfiles.NationalId, Date("2024-05-06"), Date("2027-05-05"), LicenceRequired: false, ReviewUnitId: "unit-5"),
            Date("2024-05-06"));
        Send(certificate, new CertificateSuperseded("FJ-C-2025-0009", Date("2025-06-02")));
        return NoticesOf(certificate);
    }

    private static List<Notify> Remediation()
    {
        var ordered = Started<RemediationOrdered>(LateApplication().Started);
        var remediation = new WorkflowDriver<RemediationState>(new RemediationWorkflow(WorkflowDriver<RemediationState>.Calendar, TestProfiles.Catalog));
        Send(remediation, ordered, ordered.OrderedOn);
        remediation.RunUntil(ShanghaiTime.StartOf(ordered.Deadline.PlusDays(2)));
        Assert.Equal(RemediationStatus.Missed, remediation.State.Stage);
        return NoticesOf(remediation);
    }

    private static List<Notify> CancelledGrade()
    {
        var (_, started) = LateApplication();
        var ordered = Started<RemediationOrdered>(started);
        var issued = Started<CertificateIssued>(started);
        var remediation = new WorkflowDriver<RemediationState>(new RemediationWorkflow(WorkflowDriver<RemediationState>.Calendar, TestProfiles.Catalog));
        Send(remediation, ordered, ordered.OrderedOn);
        var certificate = Certificate();
        Send(certificate, issued, issued.IssuedOn);
        Send(remediation, new GradeCertificateIssued(issued.CertificateId), issued.IssuedOn);
        var missed = remediation.RunUntil(ShanghaiTime.StartOf(ordered.Deadline.PlusDays(2)));
        var signal = Assert.Single(missed.SelectMany(d => d.Effects).OfType<SignalWorkflow>());
        Send(certificate, signal.Event, ordered.Deadline.PlusDays(1));
        Assert.Equal(CertificateStatus.Cancelled, certificate.State.Current);
        var cancelled = NoticesOf(certificate);
        // The certificate learns the missed deadline from the remediation workflow's signal: that deadline is the one computed.
        foreach (var notice in cancelled.Where(n => n.Kind == NoticeKinds.CertificateCancelled))
        {
            Computed.AddOrUpdate(notice, [.. ComputedDeadlines(notice), ordered.Deadline]);
        }

        return [.. NoticesOf(remediation), .. cancelled];
    }

    private static List<Notify> SelfAssessment()
    {
        var year = new WorkflowDriver<SelfAssessmentState>(new SelfAssessmentWorkflow(WorkflowDriver<SelfAssessmentState>.Calendar, TestProfiles.Catalog));
        Send(year, new SelfAssessmentYearOpened("NX-E-0102", "640104", Grade.Level3, 2026, TestProfiles.NationalId), Date("2026-01-05"));
        year.RunUntil(ShanghaiTime.StartOf(Date("2027-01-05")));
        Assert.Equal(SelfAssessmentStatus.Overdue, year.State.Stage);
        return NoticesOf(year);
    }

    private static List<Notify> Accreditation()
    {
        var unit = new WorkflowDriver<AccreditationState>(new AccreditationWorkflow(WorkflowDriver<AccreditationState>.Calendar, TestProfiles.Catalog));
        Send(unit, new AccreditationGranted("unit-7", "640100", Grade.Level2, TestProfiles.NationalId, Date("2025-04-01")), Date("2025-04-01"));
        unit.RunUntil(ShanghaiTime.StartOf(Date("2030-05-01")));
        Assert.Equal(AccreditationStatus.Lapsed, unit.State.Stage);
        return NoticesOf(unit);
    }

    private static WorkflowDriver<ApplicationState> Application() =>
        new(new ApplicationWorkflow(WorkflowDriver<ApplicationState>.Calendar, ApplicationDriver.Catalog));

    private static WorkflowDriver<CertificateState> Certificate() =>
        new(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));

    private static void Send<TState>(WorkflowDriver<TState> driver, WorkflowEvent @event, LocalDate? on = null)
        where TState : class, IWorkflowState
    {
        var decision = driver.Send(@event, on ?? DateOf(@event));
        Assert.True(decision.Outcome == Outcome.Applied, $"{@event.GetType().Name} was {decision.Outcome}: {decision.Reason}");
    }

    private static TEvent Started<TEvent>(IEnumerable<StartWorkflow> started)
        where TEvent : WorkflowEvent => Assert.Single(started.Select(s => s.Start).OfType<TEvent>());

    private static List<Notify> NoticesOf<TState>(WorkflowDriver<TState> driver)
        where TState : class, IWorkflowState
    {
        var notices = new List<Notify>();
        foreach (var (decision, before) in driver.Applied.Zip(driver.Before))
        {
            // A workflow that starts another hands it the dates it computed: the certificate's last valid day, the remediation's deadline.
            var handed = decision.Effects.OfType<StartWorkflow>().Select(s => s.Start).SelectMany<WorkflowEvent, LocalDate>(e => e switch
            {
                CertificateIssued issued => [issued.ValidThrough],
                RemediationOrdered ordered => [ordered.Deadline],
                _ => [],
            });
            var dates = before.Deadlines.Concat(decision.State!.Deadlines).Select(d => d.Due).Concat(handed).ToHashSet();
            foreach (var notice in decision.Effects.OfType<Notify>())
            {
                Computed.AddOrUpdate(notice, dates);
                notices.Add(notice);
            }
        }

        return notices;
    }

    // Every event on these paths but the start events carries its own date as its first LocalDate.
    private static LocalDate DateOf(WorkflowEvent @event) =>
        @event.GetType().GetProperties().Where(p => p.PropertyType == typeof(LocalDate)).Select(p => (LocalDate)p.GetValue(@event)!).First();

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
