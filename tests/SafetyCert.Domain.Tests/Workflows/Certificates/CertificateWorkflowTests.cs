using SafetyCert.Domain.Profiles;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Revocations;

namespace SafetyCert.Domain.Tests.Workflows.Certificates;

public class CertificateWorkflowTests
{
    private static readonly LocalDate IssuedOn = new(2024, 3, 15);
    private static readonly LocalDate ValidThrough = new(2027, 3, 14);

    internal static CertificateIssued Issued(Grade grade = Grade.Level2, bool licenceRequired = true, string profileId = TestProfiles.NationalId, string? supersedes = null) =>
        new("cert-1", "宁AQBⅡ2024000001", "ent-1", "640100", grade, profileId, IssuedOn, ValidThrough, licenceRequired, supersedes, ReviewUnitId: "unit-7");

    private static WorkflowDriver<CertificateState> IssuedCertificate(Grade grade = Grade.Level2, bool licenceRequired = true, string profileId = TestProfiles.NationalId)
    {
        var driver = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));
        Assert.Equal(Outcome.Applied, driver.Send(Issued(grade, licenceRequired, profileId), IssuedOn).Outcome);
        return driver;
    }

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;

    // RULES.md §6 convention, seed 000 §3(4): valid through 2027-03-14 → window 2026-12-14, reminders 60/30/7/1 days before, void from 2027-03-15.
    [Theory]
    [InlineData(CertificateWorkflow.RenewalWindowTimer, "2026-12-14", 9)]
    [InlineData("renewal-reminder-60", "2027-01-13", 9)]
    [InlineData("renewal-reminder-30", "2027-02-12", 9)]
    [InlineData("renewal-reminder-7", "2027-03-07", 9)]
    [InlineData("renewal-reminder-1", "2027-03-13", 9)]
    [InlineData(CertificateWorkflow.ExpiryTimer, "2027-03-15", 0)]
    public void Issue_on_2024_03_15_sets_renewal_timers_on_exact_dates(string timerId, string date, int hour)
    {
        var issue = IssuedCertificate().Applied[0];

        var timer = Assert.Single(issue.Effects.OfType<SetTimer>(), t => t.TimerId == timerId);
        Assert.Equal(ShanghaiTime.At(Date(date), new LocalTime(hour, 0)), timer.DueAt);
    }

    // RULES.md §6 convention: the public schedule matches the timers.
    [Fact]
    public void Renewal_reminder_dates_for_2027_03_14()
    {
        var dates = CertificateWorkflow.RenewalReminderDates(TestProfiles.National, ValidThrough);

        Assert.Equal([Date("2026-12-14"), Date("2027-01-13"), Date("2027-02-12"), Date("2027-03-07"), Date("2027-03-13")], dates);
    }

    // RULES.md §5–§6, seeds 000 §3(4), 002 §2(3): every reminder to the enterprise, the window notice to the regulator, then expiry.
    [Fact]
    public void Certificate_issued_2024_03_15_reminds_through_to_expiry_on_2027_03_15()
    {
        var driver = IssuedCertificate();

        var notices = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 3, 16)))
            .SelectMany(d => d.Effects.OfType<Notify>())
            .ToList();

        var renewal = notices.Where(n => n.Recipient == Party.Enterprise && n.Kind is NoticeKinds.RenewalWindowOpen or NoticeKinds.RenewalReminder);
        Assert.Equal(
            [Date("2026-12-14"), Date("2027-01-13"), Date("2027-02-12"), Date("2027-03-07"), Date("2027-03-13")],
            renewal.Select(n => n.DueDate));
        Assert.Equal(NoticeKinds.RenewalWindowOpen, renewal.First().Kind);
        var regulator = Assert.Single(notices, n => n.Recipient == Party.Regulator && n.Kind == NoticeKinds.RenewalWindowOpen);
        Assert.Equal(Date("2026-12-14"), regulator.DueDate);
        var expired = Assert.Single(notices, n => n.Kind == NoticeKinds.CertificateExpired && n.Recipient == Party.Enterprise);
        Assert.Equal(Date("2027-03-15"), expired.DueDate);
        Assert.Equal(CertificateStatus.Expired, driver.State.Current);
        Assert.True(driver.State.IsFinal);
        Assert.Empty(driver.State.Timers.Active);
    }

    // RULES.md §6: reminders stop when a renewal is filed; filed 2027-01-28, 45 days before 2027-03-14.
    [Fact]
    public void Renewal_filed_45_days_before_expiry_cancels_remaining_reminders_and_ignores_their_stale_timers()
    {
        var driver = IssuedCertificate();
        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 1, 28)));
        var stale = driver.State.Timers.Active["renewal-reminder-30"];

        var filed = driver.Send(new RenewalFiled("app-renew-1", new LocalDate(2027, 1, 28)), new LocalDate(2027, 1, 28));

        Assert.Equal(Outcome.Applied, filed.Outcome);
        Assert.Equal(CertificateStatus.RenewalFiled, driver.State.Current);
        Assert.Equal(["renewal-reminder-1", "renewal-reminder-30", "renewal-reminder-7"], filed.Effects.OfType<CancelTimer>().Select(c => c.TimerId).Order(StringComparer.Ordinal));
        Assert.Contains(new CancelTimer(stale.Id, stale.Token), filed.Effects);
        Assert.Equal([CertificateWorkflow.ExpiryTimer], driver.State.Timers.Active.Keys.Where(k => k.StartsWith("renewal", StringComparison.Ordinal) || k == CertificateWorkflow.ExpiryTimer));

        var late = driver.Send(new TimerFired(stale.Id, stale.Token), stale.DueAt);

        Assert.Equal(Outcome.Ignored, late.Outcome);
    }

    // RULES.md §5: the renewal certificate supersedes the old one; the new certificate signals it on issue.
    [Fact]
    public void Renewal_certificate_supersedes_the_old_one()
    {
        var driver = IssuedCertificate();
        driver.Send(new RenewalFiled("app-renew-1", new LocalDate(2027, 1, 28)), new LocalDate(2027, 1, 28));
        var newCertificate = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));

        var issue = newCertificate.Send(
            new CertificateIssued("cert-2", "宁AQBⅡ2027000001", "ent-1", "640100", Grade.Level2, TestProfiles.NationalId, new LocalDate(2027, 3, 1), new LocalDate(2030, 2, 28), true, Supersedes: "cert-1"),
            new LocalDate(2027, 3, 1));
        var signal = Assert.Single(issue.Effects.OfType<SignalWorkflow>());
        var superseded = driver.Send(signal.Event, new LocalDate(2027, 3, 1));

        Assert.Equal(("cert-1", WorkflowKinds.Certificate), (signal.InstanceId, signal.Kind));
        Assert.Equal(Outcome.Applied, superseded.Outcome);
        Assert.Equal(CertificateStatus.Superseded, driver.State.Current);
        Assert.True(driver.State.IsFinal);
        Assert.Empty(driver.State.Timers.Active);
    }

    // RULES.md §5 [000 §3(4)]: only a certificate without a renewal application is void for good at expiry;
    // one filed in time stays open for the renewal certificate, and closes if the renewal fails.
    [Fact]
    public void Expired_certificate_with_a_pending_renewal_waits_for_supersession_or_failure()
    {
        var superseded = IssuedCertificate();
        superseded.Send(new RenewalFiled("app-renew-1", new LocalDate(2027, 3, 10)), new LocalDate(2027, 3, 10));
        superseded.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 3, 15)));
        var failed = IssuedCertificate();
        failed.Send(new RenewalFiled("app-renew-1", new LocalDate(2027, 3, 10)), new LocalDate(2027, 3, 10));
        failed.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 3, 15)));

        Assert.Equal(CertificateStatus.Expired, superseded.State.Current);
        Assert.False(superseded.State.IsFinal);
        Assert.Equal(Outcome.Applied, superseded.Send(new CertificateSuperseded("cert-2", new LocalDate(2027, 3, 20)), new LocalDate(2027, 3, 20)).Outcome);
        Assert.Equal(CertificateStatus.Superseded, superseded.State.Current);
        Assert.Equal(Outcome.Applied, failed.Send(new RenewalFailed("app-renew-1", new LocalDate(2027, 3, 25)), new LocalDate(2027, 3, 25)).Outcome);
        Assert.True(failed.State.IsFinal);
        Assert.Empty(failed.State.Timers.Active);
    }

    // RULES.md §7(3) convention: the automatic revocation the certificate starts is accepted by the revocation workflow and comes back as RevocationConfirmed.
    [Fact]
    public void Fatal_accident_revokes_the_certificate_end_to_end()
    {
        var certificate = IssuedCertificate(Grade.Level1);
        var revocation = new WorkflowDriver<RevocationState>(new RevocationWorkflow(WorkflowDriver<RevocationState>.Calendar, TestProfiles.Catalog));

        var start = Assert.Single(certificate.Send(new AccidentReported("acc-1", new LocalDate(2025, 5, 10), 1, false), new LocalDate(2025, 5, 11)).Effects.OfType<StartWorkflow>());
        var opened = revocation.Send(start.Start, new LocalDate(2025, 5, 11));
        var confirm = Assert.Single(opened.Effects.OfType<SignalWorkflow>());
        certificate.Send(confirm.Event, new LocalDate(2025, 5, 11));

        Assert.Equal(Outcome.Applied, opened.Outcome);
        Assert.Equal(CertificateStatus.Revoked, certificate.State.Current);
        Assert.Equal(new LocalDate(2025, 5, 11), certificate.State.RevokedOn);
        Assert.Equal(new LocalDate(2026, 5, 12), revocation.State.BanEndsOn);
    }

    // Convention (CertificateWorkflow remarks): a withdrawn renewal resumes the reminders still ahead.
    [Fact]
    public void Withdrawn_renewal_resumes_reminders_still_ahead()
    {
        var driver = IssuedCertificate();
        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 1, 28)));
        driver.Send(new RenewalFiled("app-renew-1", new LocalDate(2027, 1, 28)), new LocalDate(2027, 1, 28));

        var withdrawn = driver.Send(new RenewalWithdrawn("app-renew-1", new LocalDate(2027, 2, 20)), new LocalDate(2027, 2, 20));

        Assert.Equal(CertificateStatus.Active, driver.State.Current);
        Assert.Equal(["renewal-reminder-1", "renewal-reminder-7"], withdrawn.Effects.OfType<SetTimer>().Select(t => t.TimerId).Order(StringComparer.Ordinal));
    }

    // RULES.md §6 [000 §3(4)]: a renewal is filed during validity only.
    [Fact]
    public void Renewal_filed_after_the_last_valid_day_is_rejected()
    {
        var driver = IssuedCertificate();

        var late = driver.Send(new RenewalFiled("app-renew-1", new LocalDate(2027, 3, 15)), new LocalDate(2027, 3, 14));

        Assert.Equal(Outcome.Rejected, late.Outcome);
        Assert.Contains("during validity", late.Reason, StringComparison.Ordinal);
    }

    // RULES.md §5 [001 art.16]: licence lapse suspends, renewal of the licence restores; suspension does not stop expiry.
    [Fact]
    public void Licence_lapse_suspends_and_licence_renewal_restores()
    {
        var driver = IssuedCertificate();

        var lapse = driver.Send(new LicenceLapsed(new LocalDate(2025, 6, 1)), new LocalDate(2025, 6, 1));
        Assert.Equal(CertificateStatus.Suspended, driver.State.Current);
        Assert.Contains(lapse.Effects.OfType<Notify>(), n => n.Kind == NoticeKinds.CertificateSuspended && n.Recipient == Party.Enterprise && n.Class == NoticeClass.Mandatory);
        Assert.Contains(CertificateWorkflow.ExpiryTimer, driver.State.Timers.Active.Keys);
        Assert.Equal(Outcome.Rejected, driver.Send(new RenewalFiled("app-x", new LocalDate(2025, 7, 1)), new LocalDate(2025, 7, 1)).Outcome);

        var restore = driver.Send(new LicenceRenewed(new LocalDate(2025, 8, 1), new LocalDate(2028, 7, 31)), new LocalDate(2025, 8, 1));

        Assert.Equal(CertificateStatus.Active, driver.State.Current);
        Assert.Contains(restore.Effects.OfType<Notify>(), n => n.Kind == NoticeKinds.CertificateRestored && n.DueDate == new LocalDate(2025, 8, 1));
    }

    // RULES.md §5: a suspended certificate still expires on 2027-03-15 [000 §3(4)].
    [Fact]
    public void Suspended_certificate_still_expires()
    {
        var driver = IssuedCertificate();
        driver.Send(new LicenceLapsed(new LocalDate(2027, 1, 5)), new LocalDate(2027, 1, 5));

        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2027, 3, 15)));

        Assert.Equal(CertificateStatus.Expired, driver.State.Current);
    }

    // RULES.md §5 [001 art.16]: only licensed industries are suspended for a licence lapse.
    [Fact]
    public void Licence_lapse_on_an_unlicensed_industry_is_rejected()
    {
        var driver = IssuedCertificate(licenceRequired: false);

        Assert.Equal(Outcome.Rejected, driver.Send(new LicenceLapsed(new LocalDate(2025, 6, 1)), new LocalDate(2025, 6, 1)).Outcome);
    }

    // RULES.md §7(3) [000 §3(4)], [001 art.21(3)]: the certificate starts an automatic revocation at the profile's threshold.
    [Theory]
    [InlineData(TestProfiles.NationalId, Grade.Level1, 1, true)]
    [InlineData(TestProfiles.NationalId, Grade.Level2, 1, false)]
    [InlineData(TestProfiles.NationalId, Grade.Level2, 2, true)]
    [InlineData(TestProfiles.NationalId, Grade.Level3, 2, false)]
    [InlineData(TestProfiles.NationalId, Grade.Level3, 3, true)]
    [InlineData(TestProfiles.NingxiaId, Grade.Level3, 1, true)]
    [InlineData(TestProfiles.NingxiaId, Grade.Level2, 0, false)]
    public void Fatal_accident_starts_revocation_at_the_profile_threshold(string profileId, Grade grade, int deaths, bool starts)
    {
        var driver = IssuedCertificate(grade, profileId: profileId);

        var decision = driver.Send(new AccidentReported("acc-1", new LocalDate(2025, 5, 10), deaths, false), new LocalDate(2025, 5, 12));

        Assert.Equal(Outcome.Applied, decision.Outcome);
        Assert.True(driver.State.HadAccidentDuringValidity);
        var start = decision.Effects.OfType<StartWorkflow>().SingleOrDefault();
        Assert.Equal(starts, start is not null);
        if (start is not null)
        {
            var opened = Assert.IsType<RevocationOpened>(start.Start);
            Assert.Equal((WorkflowKinds.Revocation, "cert-1"), (start.Kind, start.InstanceId));
            Assert.True(opened.Automatic);
            Assert.Equal([RevocationGround.FatalAccident], opened.Grounds);
            Assert.Equal((new LocalDate(2025, 5, 12), "acc-1"), (opened.On, opened.TriggerId));
        }
    }

    // RULES.md §7 convention: concealment alone needs the regulator's decision, so the regulator is asked, nothing starts.
    [Fact]
    public void Concealed_accident_below_threshold_asks_the_regulator_to_decide()
    {
        var driver = IssuedCertificate(Grade.Level3);

        var decision = driver.Send(new AccidentReported("acc-1", new LocalDate(2025, 5, 10), 1, ConcealedOrLate: true), new LocalDate(2025, 5, 20));

        Assert.Empty(decision.Effects.OfType<StartWorkflow>());
        var ask = Assert.Single(decision.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.RevocationDecisionRequired, Party.Regulator, NoticeClass.Mandatory), (ask.Kind, ask.Recipient, ask.Class));
    }

    // RULES.md §6 [002 §2(3)]: an accident during validity means an initial application, not a renewal; the regulator stops getting the window notice.
    [Fact]
    public void Accident_during_validity_bars_renewal_and_the_regulator_reminder()
    {
        var driver = IssuedCertificate(Grade.Level3);
        driver.Send(new AccidentReported("acc-1", new LocalDate(2025, 5, 10), 0, false), new LocalDate(2025, 5, 12));

        var window = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2026, 12, 15))).SelectMany(d => d.Effects.OfType<Notify>()).ToList();
        var renewal = driver.Send(new RenewalFiled("app-renew-1", new LocalDate(2027, 1, 5)), new LocalDate(2027, 1, 5));

        Assert.DoesNotContain(window, n => n.Recipient == Party.Regulator && n.Kind == NoticeKinds.RenewalWindowOpen);
        Assert.Contains("initial application", Assert.Single(window, n => n.Kind == NoticeKinds.RenewalWindowOpen).Facts["path"], StringComparison.Ordinal);
        Assert.Equal(Outcome.Rejected, renewal.Outcome);
        Assert.Contains("002 §2(3)", renewal.Reason, StringComparison.Ordinal);
    }

    // RULES.md §4.4 [001 art.14]: a missed remediation cancels the grade without a regulator's decision, without a
    // revocation and without the ban; enterprise and organization are told (mandatory), the regulator for information.
    [Fact]
    public void Missed_remediation_cancels_the_certificate_without_a_revocation()
    {
        var driver = IssuedCertificate();

        var decision = driver.Send(new RemediationMissed("rem-1", new LocalDate(2025, 3, 14)), new LocalDate(2025, 3, 15));

        Assert.Equal(Outcome.Applied, decision.Outcome);
        Assert.Empty(decision.Effects.OfType<StartWorkflow>());
        Assert.Equal((CertificateStatus.Cancelled, true), (driver.State.Current, driver.State.IsFinal));
        Assert.Equal((new LocalDate(2025, 3, 15), "rem-1", (LocalDate?)null), (driver.State.CancelledOn, driver.State.CancelledBy, driver.State.RevokedOn));
        Assert.Empty(driver.State.Timers.Active);
        var notices = decision.Effects.OfType<Notify>().Where(n => n.Kind == NoticeKinds.CertificateCancelled).ToList();
        Assert.Equal(
            [(Party.Enterprise, NoticeClass.Mandatory), (Party.ReviewOrganization, NoticeClass.Mandatory), (Party.Regulator, NoticeClass.Informational)],
            notices.Select(n => (n.Recipient, n.Class)));
        Assert.All(notices, n => Assert.Contains("001 art.14", n.Rule, StringComparison.Ordinal));
    }

    // RULES.md §7: once the revocation workflow confirms, the certificate is revoked and final.
    [Fact]
    public void Confirmed_revocation_revokes_and_cancels_every_timer()
    {
        var driver = IssuedCertificate();
        var timers = driver.State.Timers.Active.Count;

        var revoked = driver.Send(new RevocationConfirmed([RevocationGround.FraudInReview], new LocalDate(2025, 9, 1), new LocalDate(2026, 9, 1)), new LocalDate(2025, 9, 1));
        var after = driver.Send(new LicenceLapsed(new LocalDate(2025, 10, 1)), new LocalDate(2025, 10, 1));

        Assert.Equal(CertificateStatus.Revoked, driver.State.Current);
        Assert.Equal(timers, revoked.Effects.OfType<CancelTimer>().Count());
        Assert.Equal(Outcome.Rejected, after.Outcome);
        Assert.Contains("Revoked", after.Reason, StringComparison.Ordinal);
    }

    // RULES.md §4.10 convention [004 §4]: visit within 12 months of issue (by 2025-03-15), review unit warned 14 days before.
    [Fact]
    public void Follow_up_visit_is_reminded_then_overdue()
    {
        var driver = IssuedCertificate();
        Assert.Equal(ShanghaiTime.ReminderOn(new LocalDate(2025, 3, 1)), driver.State.Timers.Active[CertificateWorkflow.FollowUpReminderTimer].DueAt);

        var notices = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 3, 17))).SelectMany(d => d.Effects.OfType<Notify>()).ToList();

        Assert.Contains(notices, n => n.Kind == NoticeKinds.FollowUpVisitDue && n.Recipient == Party.ReviewUnit && n.DueDate == new LocalDate(2025, 3, 15));
        Assert.Contains(notices, n => n.Kind == NoticeKinds.FollowUpVisitOverdue && n.Recipient == Party.ReviewOrganization);
        // The 12-month window is the profile's convention, and the citation says so.
        Assert.All(notices.Where(n => n.Kind.StartsWith("follow-up-visit", StringComparison.Ordinal)), n => Assert.StartsWith("RULES.md §4.10 [convention: 004 §4", n.Rule, StringComparison.Ordinal));
    }

    // RULES.md §4.10 [004 §4]: a recorded visit stops the follow-up timers.
    [Fact]
    public void Recorded_follow_up_visit_cancels_its_timers()
    {
        var driver = IssuedCertificate();

        var visit = driver.Send(new FollowUpVisitRecorded("unit-7", new LocalDate(2024, 9, 10)), new LocalDate(2024, 9, 10));

        Assert.Equal(
            [CertificateWorkflow.FollowUpOverdueTimer, CertificateWorkflow.FollowUpReminderTimer],
            visit.Effects.OfType<CancelTimer>().Select(c => c.TimerId).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(driver.State.Deadlines, d => d.Name == "follow-up-visit");
    }

    // RULES.md §5 convention: issued 2024-03-15, valid through 2027-03-14 at the latest.
    [Fact]
    public void Issue_valid_beyond_three_years_is_rejected()
    {
        var driver = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));

        var decision = driver.Send(Issued() with { ValidThrough = new LocalDate(2027, 3, 15) }, IssuedOn);

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("2027-03-14", decision.Reason, StringComparison.Ordinal);
    }

    // Every event before issue is refused with what the state expects.
    [Fact]
    public void Event_before_issue_is_rejected_naming_the_expected_event()
    {
        var driver = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));

        var decision = driver.Send(new LicenceLapsed(IssuedOn), IssuedOn);

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("NotIssued", decision.Reason, StringComparison.Ordinal);
        Assert.Contains(nameof(CertificateIssued), decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §4.10, §6: the follow-up visit and renewal deadlines cite the certificate's own profile, as its notices do.
    [Theory]
    [InlineData("beijing-2015", "110105")]
    [InlineData("ningxia-2017", "640104")]
    [InlineData("national-non-coal-mine-2017", "130100")]
    public void Deadlines_cite_the_certificate_profile(string profileId, string region)
    {
        var profile = ProfileCatalog.Embedded.Get(profileId);
        var driver = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, ProfileCatalog.Embedded));
        Assert.Equal(Outcome.Applied, driver.Send(Issued(Grade.Level3, profileId: profileId) with { RegionCode = region }, IssuedOn).Outcome);

        var deadlines = driver.State.Deadlines.ToDictionary(d => d.Name, d => d.Rule);

        Assert.Equal($"RULES.md §6 [{profile.CertificateValidityYears.Source}]", deadlines["renewal-application"]);
        Assert.Equal($"RULES.md §4.10 [{profile.FollowUpVisitMonths.Source}]", deadlines["follow-up-visit"]);
        var reminded = driver.RunUntil(ShanghaiTime.StartOf(IssuedOn.PlusMonths(12).PlusDays(2))).SelectMany(d => d.Effects.OfType<Notify>()).Where(n => n.Kind == NoticeKinds.FollowUpVisitDue).ToList();
        Assert.NotEmpty(reminded);
        Assert.All(reminded, n => Assert.Equal(deadlines["follow-up-visit"], n.Rule));
    }
}
