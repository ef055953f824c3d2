using SafetyCert.Domain.Profiles;
using NodaTime;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Revocations;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Tests.Workflows.Revocations;

public class RevocationWorkflowTests
{
    private static readonly LocalDate RevokedOn = new(2025, 9, 1);

    internal static RevocationOpened ByRegulator(RevocationGround ground = RevocationGround.FraudInReview, string? reason = "Review report relied on forged training records", params string[] evidence) =>
        new("cert-1", "宁AQBⅡ2024000001", "ent-1", "640100", Grade.Level2, TestProfiles.NationalId, [ground], false, reason, evidence.Length == 0 ? ["doc-ev-1"] : [.. evidence], RevokedOn);

    private static WorkflowDriver<RevocationState> Driver() =>
        new(new RevocationWorkflow(WorkflowDriver<RevocationState>.Calendar, TestProfiles.Catalog));

    // RULES.md §7, seeds 000 §3(4), 001 art.21: decision recorded, certificate told, enterprise (mandatory), organization and regulator notified.
    [Fact]
    public void Regulator_decision_revokes_and_notifies_every_party()
    {
        var driver = Driver();

        var opened = driver.Send(ByRegulator(), RevokedOn);

        Assert.Equal(Outcome.Applied, opened.Outcome);
        var signal = Assert.Single(opened.Effects.OfType<SignalWorkflow>());
        Assert.Equal((WorkflowKinds.Certificate, "cert-1"), (signal.Kind, signal.InstanceId));
        var confirmed = Assert.IsType<RevocationConfirmed>(signal.Event);
        Assert.Equal((RevokedOn, new LocalDate(2026, 9, 2)), (confirmed.RevokedOn, confirmed.BanEndsOn));
        var enterprise = Assert.Single(opened.Effects.OfType<Notify>(), n => n.Recipient == Party.Enterprise);
        Assert.Equal((NoticeKinds.CertificateRevoked, NoticeClass.Mandatory), (enterprise.Kind, enterprise.Class));
        Assert.Equal("2026-09-02", enterprise.Facts["banEndsOn"]);
        Assert.Equal("FraudInReview", enterprise.Facts["grounds"]);
        // The ground cites the national profile's own regulation, not Ningxia's article 21(1).
        Assert.EndsWith("RULES.md §7(1) [000 §3(4)]", enterprise.Rule, StringComparison.Ordinal);
        // The ban cites the national profile's own source: 001 art.21 is Ningxia's, applied nationally by convention.
        Assert.StartsWith("RULES.md §7 [convention: 001 art.21]", enterprise.Rule, StringComparison.Ordinal);
        Assert.Contains(opened.Effects.OfType<Notify>(), n => n.Recipient == Party.ReviewOrganization);
        Assert.Contains(opened.Effects.OfType<Notify>(), n => n.Recipient == Party.Regulator);
        Assert.Equal(RevocationStatus.Recalling, driver.State.Current);
    }

    // RULES.md §7 convention: a regulator's decision without reason or evidence is refused, and nothing changes.
    [Theory]
    [InlineData(null, "doc-1")]
    [InlineData("", "doc-1")]
    [InlineData("reason given", " ")]
    public void Regulator_decision_without_reason_or_evidence_is_rejected(string? reason, string evidence)
    {
        var driver = Driver();

        var decision = driver.Send(ByRegulator(RevocationGround.UncontrolledHazard, reason, evidence), RevokedOn);

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Equal(RevocationStatus.NotOpened, driver.State.Current);
    }

    // RULES.md §7 convention: recall reminders every 7 days to the organization until certificate and plaque are both back.
    [Fact]
    public void Recall_reminders_run_weekly_until_both_items_are_back_then_the_ban_ends()
    {
        var driver = Driver();
        driver.Send(ByRegulator(), RevokedOn);

        var firstTwo = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 9, 16))).SelectMany(d => d.Effects.OfType<Notify>()).ToList();
        driver.Send(new PlaqueReturned(new LocalDate(2025, 9, 16)), new LocalDate(2025, 9, 16));
        var third = driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2025, 9, 23))).SelectMany(d => d.Effects.OfType<Notify>()).ToList();
        var certificateBack = driver.Send(new CertificateReturned(new LocalDate(2025, 9, 24)), new LocalDate(2025, 9, 24));

        Assert.Equal([new LocalDate(2025, 9, 8), new LocalDate(2025, 9, 15)], firstTwo.Select(n => n.DueDate));
        Assert.All(firstTwo, n => Assert.Equal((NoticeKinds.RecallReminder, Party.ReviewOrganization), (n.Kind, n.Recipient)));
        Assert.Equal("False", Assert.Single(third).Facts["plaqueOutstanding"]);
        Assert.Equal(new LocalDate(2025, 9, 22), third[0].DueDate);
        Assert.Single(certificateBack.Effects.OfType<CancelTimer>(), c => c.TimerId == RevocationWorkflow.RecallReminderTimer);
        Assert.Equal(RevocationStatus.BanRunning, driver.State.Current);
        Assert.False(driver.State.IsFinal);

        Assert.Equal(ShanghaiTime.StartOf(new LocalDate(2026, 9, 2)), driver.State.Timers.Active[RevocationWorkflow.BanEndTimer].DueAt);
        var ban = driver.Fire(RevocationWorkflow.BanEndTimer);

        Assert.Contains(ban.Effects.OfType<Notify>(), n => n.Kind == NoticeKinds.BanEnded && n.Recipient == Party.Enterprise && n.DueDate == new LocalDate(2026, 9, 2));
        Assert.Equal(RevocationStatus.Closed, driver.State.Current);
        Assert.True(driver.State.IsFinal);
    }

    // RULES.md §7: the ban may end before the items are back; the instance stays open until they are.
    [Fact]
    public void Ban_end_before_recall_keeps_reminding_until_both_are_back()
    {
        var driver = Driver();
        driver.Send(ByRegulator(), RevokedOn);
        Assert.Equal(ShanghaiTime.StartOf(new LocalDate(2026, 9, 2)), driver.State.Timers.Active[RevocationWorkflow.BanEndTimer].DueAt);

        driver.RunUntil(ShanghaiTime.StartOf(new LocalDate(2026, 9, 2)));

        Assert.True(driver.State.BanEnded);
        Assert.Equal(RevocationStatus.Recalling, driver.State.Current);
        Assert.Contains(RevocationWorkflow.RecallReminderTimer, driver.State.Timers.Active.Keys);

        driver.Send(new CertificateReturned(new LocalDate(2026, 9, 3)), new LocalDate(2026, 9, 3));
        driver.Send(new PlaqueReturned(new LocalDate(2026, 9, 3)), new LocalDate(2026, 9, 3));

        Assert.Equal(RevocationStatus.Closed, driver.State.Current);
        Assert.Empty(driver.State.Timers.Active);
    }

    // RULES.md §7: returns are recorded once; a repeat is harmless.
    [Fact]
    public void Repeated_return_is_ignored()
    {
        var driver = Driver();
        driver.Send(ByRegulator(), RevokedOn);
        driver.Send(new CertificateReturned(new LocalDate(2025, 9, 3)), new LocalDate(2025, 9, 3));

        Assert.Equal(Outcome.Ignored, driver.Send(new CertificateReturned(new LocalDate(2025, 9, 4)), new LocalDate(2025, 9, 4)).Outcome);
    }

    // Events before the revocation is opened are refused with what the state expects.
    [Fact]
    public void Return_before_opening_is_rejected()
    {
        var decision = Driver().Send(new PlaqueReturned(RevokedOn), RevokedOn);

        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains(nameof(RevocationOpened), decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §7: the ban deadline cites the source of the profile the revocation runs on, the same as its notices.
    [Theory]
    [InlineData("beijing-2015", "110105", "RULES.md §7 [convention: 001 art.21]")]
    [InlineData("ningxia-2017", "640104", "RULES.md §7 [001 art.21]")]
    public void Ban_deadline_cites_the_profile_that_applies(string profileId, string region, string expected)
    {
        var driver = new WorkflowDriver<RevocationState>(new RevocationWorkflow(WorkflowDriver<RevocationState>.Calendar, ProfileCatalog.Embedded));

        var opened = driver.Send(new RevocationOpened("cert-1", "AQB-1", "ent-1", region, Grade.Level3, profileId, [RevocationGround.FraudInReview], false, "伪造培训记录", ["doc-ev-1"], RevokedOn), RevokedOn);

        Assert.Equal(Outcome.Applied, opened.Outcome);
        var ban = Assert.Single(driver.State.Deadlines);
        Assert.Equal(("revocation-ban", new LocalDate(2026, 9, 1), expected), (ban.Name, ban.Due, ban.Rule));
        Assert.All(opened.Effects.OfType<Notify>().Where(n => n.Recipient == Party.Enterprise), n => Assert.StartsWith(expected, n.Rule, StringComparison.Ordinal));
    }
}
