using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Tests.Workflows;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>
/// Each notice kind, emitted by the real workflow on a path driven by a fake clock, rendered as the channels send it:
/// every date a person reads is one the workflow computed (a running deadline, a last valid day and the day after it,
/// or the date of the event the notice reports), and a reminder never states the day it happens to go out.
/// </summary>
public sealed partial class NoticeKindDateTests
{
    private static readonly NoticeRenderer Renderer = NotificationHarness.NewRenderer();

    // Sent by a timer about a date still to come or already passed: their own send date is never the date they are about.
    private static readonly HashSet<string> Reminders = new(StringComparer.Ordinal)
    {
        NoticeKinds.MaterialReviewDueSoon, NoticeKinds.MaterialReviewOverdue, NoticeKinds.ReviewDueSoon, NoticeKinds.ReviewOverdue,
        NoticeKinds.FollowUpVisitDue, NoticeKinds.FollowUpVisitOverdue, NoticeKinds.RenewalWindowOpen, NoticeKinds.RenewalReminder,
        NoticeKinds.RecallReminder, NoticeKinds.RemediationDueSoon, NoticeKinds.SelfAssessmentDue, NoticeKinds.SelfAssessmentOverdue,
        NoticeKinds.AccreditationExpiring, NoticeKinds.ReverificationDue, NoticeKinds.PublicNoticeOpen,
    };

    // Reminders of a task with no deadline of its own: the recall runs until both items are back (RULES.md §7 convention),
    // the re-verification follows the audit (RULES.md §4.6 [004 §2]); they state the day the task began.
    private static readonly HashSet<string> WithoutDeadline = new(StringComparer.Ordinal) { NoticeKinds.RecallReminder, NoticeKinds.ReverificationDue };

    // Emitted by the API rather than a workflow (the spot-check draw, the holiday-arrangement check); their dates are tested with those.
    private static readonly string[] NotFromWorkflows = [NoticeKinds.SpotCheckSelected, NoticeKinds.HolidayArrangementMissing];

    public static TheoryData<string> Kinds => [.. Renderer.Kinds.Except(NotFromWorkflows).Order(StringComparer.Ordinal)];

    [Fact]
    public void Every_template_is_a_notice_kind_and_every_workflow_kind_is_emitted_on_a_path()
    {
        var declared = typeof(NoticeKinds).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        var emitted = NoticePaths.All().Select(n => n.Kind).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(declared.Order(StringComparer.Ordinal), Renderer.Kinds.Order(StringComparer.Ordinal));
        Assert.Empty(declared.Except(NotFromWorkflows).Except(emitted).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_date_in_the_notice_is_one_the_workflow_computed(string kind)
    {
        var notices = NoticePaths.All().Where(n => n.Kind == kind).ToList();

        Assert.NotEmpty(notices);
        Assert.All(notices, notice =>
        {
            var computed = NoticePaths.ComputedDeadlines(notice);
            foreach (var name in new[] { NoticeFactNames.Deadline, NoticeFactNames.LastValidDay }.Where(notice.Facts.ContainsKey))
            {
                Assert.Contains(Date(notice.Facts[name]), computed);
            }

            if (notice.Facts.TryGetValue(NoticeFactNames.ExpiredFrom, out var expiredFrom))
            {
                Assert.Equal(Date(notice.Facts[NoticeFactNames.LastValidDay]).PlusDays(1), Date(expiredFrom));
            }

            var stated = DateFacts(notice);
            if (!Reminders.Contains(kind))
            {
                stated.Add(notice.DueDate);
            }

            var (chinese, english) = Parts(notice);
            Assert.All(ChineseDates(chinese), d => Assert.Contains(d, stated));
            Assert.All(EnglishDates(english), d => Assert.Contains(d, stated));
            foreach (var name in new[] { NoticeFactNames.Deadline, NoticeFactNames.LastValidDay, NoticeFactNames.ExpiredFrom }.Where(notice.Facts.ContainsKey))
            {
                Assert.Contains(Date(notice.Facts[name]), ChineseDates(chinese));
                Assert.Contains(Date(notice.Facts[name]), EnglishDates(english));
            }
        });
    }

    // RULES.md §4–§8: a reminder names what it is about; the date it goes out appears only if it is that same date.
    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_reminder_states_a_date_of_the_workflow_not_its_send_date(string kind)
    {
        if (!Reminders.Contains(kind))
        {
            return;
        }

        Assert.All(NoticePaths.All().Where(n => n.Kind == kind), notice =>
        {
            Assert.True(
                WithoutDeadline.Contains(kind) || notice.Facts.ContainsKey(NoticeFactNames.Deadline) || notice.Facts.ContainsKey(NoticeFactNames.LastValidDay),
                $"{kind} on {notice.DueDate} names no deadline.");
            if (!DateFacts(notice).Contains(notice.DueDate))
            {
                var (chinese, english) = Parts(notice);
                Assert.DoesNotContain(notice.DueDate, ChineseDates(chinese));
                Assert.DoesNotContain(notice.DueDate, EnglishDates(english));
            }
        });
    }

    // RULES.md §5, §6: issued 2024-02-29 → valid through 2027-02-28, void from 2027-03-01, window from 2026-11-28.
    [Fact]
    public void A_certificate_issued_on_29_February_is_valid_through_28_February_in_every_notice()
    {
        var notices = NoticePaths.Notices("certificate issued on 29 February, to expiry");
        var reminders = notices.Where(n => n.Kind is NoticeKinds.RenewalWindowOpen or NoticeKinds.RenewalReminder).ToList();

        Assert.Equal(["2026-11-28", "2026-12-30", "2027-01-29", "2027-02-21", "2027-02-27"], reminders.Select(n => n.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Distinct());
        Assert.All(notices.Where(n => n.Kind is NoticeKinds.RenewalWindowOpen or NoticeKinds.RenewalReminder or NoticeKinds.CertificateExpired), n =>
        {
            var (chinese, english) = Parts(n);
            Assert.Contains("有效期至2027年2月28日", chinese, StringComparison.Ordinal);
            Assert.Contains("自2027年3月1日起", chinese, StringComparison.Ordinal);
            Assert.Contains("valid through 28 February 2027", english, StringComparison.Ordinal);
            Assert.Contains("void from 1 March 2027", english, StringComparison.Ordinal);
        });
        Assert.Contains(notices, n => n.Kind == NoticeKinds.CertificateExpired && n.DueDate == new LocalDate(2027, 3, 1));
    }

    // RULES.md §5, §6: a last valid day just before the National Day holiday (2026-09-30) is not moved by the holiday,
    // and the reminders sent on five different days all state it.
    [Fact]
    public void Reminders_sent_on_different_days_state_the_same_last_valid_day_before_a_holiday()
    {
        var reminders = NoticePaths.Notices("certificate whose last valid day precedes the National Day holiday")
            .Where(n => n.Kind is NoticeKinds.RenewalWindowOpen or NoticeKinds.RenewalReminder)
            .ToList();

        Assert.Equal(5, reminders.Select(n => n.DueDate).Distinct().Count());
        Assert.All(reminders, n =>
        {
            var (chinese, english) = Parts(n);
            Assert.Contains("有效期至2026年9月30日", chinese, StringComparison.Ordinal);
            Assert.Contains("valid through 30 September 2026", english, StringComparison.Ordinal);
            Assert.DoesNotContain(NoticeRenderer.ChineseDate(n.DueDate), chinese.Replace("2026年9月30日", "", StringComparison.Ordinal), StringComparison.Ordinal);
        });
    }

    private static HashSet<LocalDate> DateFacts(Notify notice) =>
        [.. notice.Facts.Values.Select(v => LocalDatePattern.Iso.Parse(v)).Where(r => r.Success).Select(r => r.Value)];

    private static List<LocalDate> ChineseDates(string text) =>
        [.. ChineseDate().Matches(text).Select(m => new LocalDate(Int(m, "y"), Int(m, "m"), Int(m, "d")))];

    private static List<LocalDate> EnglishDates(string text) =>
        [.. EnglishDate().Matches(text).Select(m => LocalDatePattern.Create("d MMMM yyyy", CultureInfo.InvariantCulture).Parse(m.Value).Value)];

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日")]
    private static partial Regex ChineseDate();

    [GeneratedRegex(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")]
    private static partial Regex EnglishDate();

    private static (string Chinese, string English) Parts(Notify notice)
    {
        var (_, body) = Renderer.Render(notice, ContactPreferences.Default);
        var parts = body.Split("————————", 2);
        return (parts[0], parts[1]);
    }

    private static LocalDate Date(string iso) => LocalDatePattern.Iso.Parse(iso).Value;
}
