using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;

namespace SafetyCert.Domain.Tests.Workflows.Certificates;

/// <summary>A certificate taken over from an existing register starts where its dates put it on the day it is recorded.</summary>
public class CertificateImportTests
{
    private static readonly LocalDate IssuedOn = new(2024, 3, 15);
    private static readonly LocalDate ValidThrough = new(2027, 3, 14);

    private static (WorkflowDriver<CertificateState> Driver, Decision Issue) Import(LocalDate on, bool hold = false)
    {
        var driver = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));
        var issued = new CertificateIssued("cert-1", "宁AQBⅡ2024000001", "ent-1", "640100", Grade.Level2, TestProfiles.NationalId, IssuedOn, ValidThrough,
            LicenceRequired: false, Imported: true, HoldPastNotices: hold);
        return (driver, driver.Send(issued, on));
    }

    // RULES.md §6 convention: window opened 2026-12-14; recorded 2027-01-20 the window notice goes out once, now, and the reminders ahead stay.
    [Fact]
    public void Imported_inside_the_renewal_window_sends_the_window_notice_once_and_keeps_later_reminders()
    {
        var (driver, issue) = Import(new LocalDate(2027, 1, 20));

        Assert.Equal(Outcome.Applied, issue.Outcome);
        var window = Assert.Single(issue.Effects.OfType<SetTimer>(), t => t.TimerId == CertificateWorkflow.RenewalWindowTimer);
        Assert.Equal(ShanghaiTime.At(new LocalDate(2027, 1, 20), new LocalTime(10, 0)), window.DueAt);
        Assert.DoesNotContain(issue.Effects.OfType<SetTimer>(), t => t.TimerId == "renewal-reminder-60");
        Assert.Contains(issue.Effects.OfType<SetTimer>(), t => t.TimerId == "renewal-reminder-30");
        Assert.DoesNotContain(issue.Effects.OfType<SetTimer>(), t => t.TimerId.StartsWith("follow-up", StringComparison.Ordinal));

        var fired = driver.Fire(CertificateWorkflow.RenewalWindowTimer);
        Assert.Equal(2, fired.Effects.OfType<Notify>().Count(n => n.Kind == NoticeKinds.RenewalWindowOpen));
    }

    [Fact]
    public void Imported_inside_the_window_with_notices_held_sends_nothing_past()
    {
        var (_, issue) = Import(new LocalDate(2027, 1, 20), hold: true);

        Assert.DoesNotContain(issue.Effects.OfType<SetTimer>(), t => t.TimerId == CertificateWorkflow.RenewalWindowTimer);
        Assert.Contains(issue.Effects.OfType<SetTimer>(), t => t.TimerId == "renewal-reminder-30");
    }

    // RULES.md §5 [000 §3(4)]: void from the day after the last valid day.
    [Fact]
    public void Imported_past_its_last_valid_day_expires_by_its_expiry_timer()
    {
        var (driver, issue) = Import(new LocalDate(2027, 4, 1));

        Assert.Equal([CertificateWorkflow.ExpiryTimer], issue.Effects.OfType<SetTimer>().Select(t => t.TimerId));
        driver.Fire(CertificateWorkflow.ExpiryTimer);
        Assert.Equal(CertificateStatus.Expired, driver.State.Current);
    }

    [Fact]
    public void Imported_past_its_last_valid_day_with_notices_held_is_expired_at_once_without_notices()
    {
        var (driver, issue) = Import(new LocalDate(2027, 4, 1), hold: true);

        Assert.Equal(CertificateStatus.Expired, driver.State.Current);
        Assert.Empty(issue.Effects);
    }

    [Fact]
    public void Imported_before_its_window_sets_the_whole_schedule()
    {
        var (_, issue) = Import(new LocalDate(2025, 1, 10));

        Assert.Equal(
            ["expiry", "follow-up-overdue", "follow-up-reminder", "renewal-reminder-1", "renewal-reminder-30", "renewal-reminder-60", "renewal-reminder-7", "renewal-window"],
            issue.Effects.OfType<SetTimer>().Select(t => t.TimerId).Order(StringComparer.Ordinal));
    }
}
