using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Tests.Workflows;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>
/// The dates a person reads in a notice are the workflow's own: the deadline, the last valid day, the day of expiry,
/// never the day the reminder happens to go out. Each notice is rendered as the channels send it.
/// </summary>
public sealed class NoticeDateTests
{
    private static readonly NoticeRenderer Renderer = NotificationHarness.NewRenderer();
    private static readonly string[] DateFacts = [NoticeFactNames.Deadline, NoticeFactNames.LastValidDay, NoticeFactNames.ExpiredFrom];

    public static TheoryData<string> Paths => [.. NoticePaths.Names];

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_notice_states_each_date_the_workflow_gave_it_in_both_languages(string path)
    {
        Assert.All(NoticePaths.Notices(path), notice =>
        {
            var (chinese, english) = Parts(notice);
            foreach (var name in DateFacts.Where(notice.Facts.ContainsKey))
            {
                var date = Date(notice.Facts[name]);
                Assert.Contains(NoticeRenderer.ChineseDate(date), chinese, StringComparison.Ordinal);
                Assert.Contains(NoticeRenderer.EnglishDate(date), english, StringComparison.Ordinal);
            }
        });
    }

    // RULES.md §2 convention: reminders on Dec 1, 15 and 28 all name the one deadline, Dec 31 [001 art.3].
    [Fact]
    public void Self_assessment_reminders_all_name_the_end_of_the_year_not_their_own_date()
    {
        var notices = NoticePaths.Notices("self-assessment overdue").Where(n => n.Kind == NoticeKinds.SelfAssessmentDue).ToList();

        Assert.Equal(3, notices.Count);
        Assert.All(notices, n =>
        {
            var (chinese, english) = Parts(n);
            Assert.Contains("2026年度自评报告应于2026年12月31日前提交", chinese, StringComparison.Ordinal);
            Assert.Contains("due by 31 December 2026", english, StringComparison.Ordinal);
            Assert.DoesNotContain(NoticeRenderer.ChineseDate(n.DueDate), chinese, StringComparison.Ordinal);
        });
    }

    // RULES.md §5, §6: issued 2026-07-24 → valid through 2029-07-23, void from 2029-07-24; every reminder says so.
    [Fact]
    public void Renewal_reminders_and_the_expiry_notice_state_the_last_valid_day_and_the_first_void_day()
    {
        var notices = NoticePaths.Notices("certificate from the application, to expiry")
            .Where(n => n.Kind is NoticeKinds.RenewalReminder or NoticeKinds.RenewalWindowOpen or NoticeKinds.CertificateExpired)
            .ToList();

        Assert.Equal(5 + 2, notices.Count); // the window and four reminders (no regulator copy: an accident during validity), two expiry notices
        Assert.All(notices, n =>
        {
            var (chinese, english) = Parts(n);
            Assert.Contains("有效期至2029年7月23日", chinese, StringComparison.Ordinal);
            Assert.Contains("自2029年7月24日起", chinese, StringComparison.Ordinal);
            Assert.Contains("valid through 23 July 2029", english, StringComparison.Ordinal);
            Assert.Contains("void from 24 July 2029", english, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_issue_notice_states_the_last_valid_day_not_the_issue_day_as_the_end()
    {
        var issued = Assert.Single(NoticePaths.Notices("application late, returned, objected, issued"), n => n.Kind == NoticeKinds.CertificateIssued);

        var (chinese, _) = Parts(issued);

        Assert.Contains("已于2026年7月24日颁发，有效期至2029年7月23日", chinese, StringComparison.Ordinal);
    }

    // RULES.md §4.1 [000 §3(2)1]: received Mon 2026-03-02, ten working days → due 2026-03-16; overdue after that day.
    [Fact]
    public void An_overdue_material_review_names_the_day_it_was_due_by()
    {
        var overdue = NoticePaths.Notices("application late, returned, objected, issued").Where(n => n.Kind == NoticeKinds.MaterialReviewOverdue).ToList();
        var received = NoticePaths.Notices("application late, returned, objected, issued").Where(n => n.Kind == NoticeKinds.ApplicationReceived).ToList();

        Assert.Equal(2, overdue.Count);
        Assert.All(overdue, n => Assert.Contains("应于2026年3月16日前完成，现已超期", Parts(n).Chinese, StringComparison.Ordinal));
        Assert.Equal(2, received.Count);
        Assert.All(received, n => Assert.Contains("截止日期2026年3月16日", Parts(n).Chinese, StringComparison.Ordinal));
    }

    // RULES.md §4.7 [001 art.15]: the notice to the enterprise names the last day of the public notice, not the day it was published.
    [Fact]
    public void The_public_notice_states_its_closing_day()
    {
        var notices = NoticePaths.Notices("application late, returned, objected, issued").Where(n => n.Kind == NoticeKinds.PublicNoticeOpen).ToList();

        Assert.NotEmpty(notices);
        Assert.All(notices, n =>
        {
            var closes = Date(n.Facts[NoticeFactNames.Deadline]);
            Assert.True(closes > n.DueDate);
            Assert.Contains($"公示期至{NoticeRenderer.ChineseDate(closes)}", Parts(n).Chinese, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Accreditation_notices_state_the_last_valid_day_and_the_lapse_day()
    {
        Assert.All(NoticePaths.Notices("accreditation lapsed"), n =>
        {
            var last = Date(n.Facts[NoticeFactNames.LastValidDay]);
            Assert.Contains($"有效期至{NoticeRenderer.ChineseDate(last)}，自{NoticeRenderer.ChineseDate(last.PlusDays(1))}起", Parts(n).Chinese, StringComparison.Ordinal);
        });
    }

    private static (string Chinese, string English) Parts(Notify notice)
    {
        var (_, body) = Renderer.Render(notice, ContactPreferences.Default);
        var parts = body.Split("————————", 2);
        return (parts[0], parts[1]);
    }

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
