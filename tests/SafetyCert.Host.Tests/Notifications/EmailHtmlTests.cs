using System.Net;
using System.Text.RegularExpressions;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>E-mails are multipart/alternative: the plain text as rendered, and an HTML part showing the same facts.</summary>
public sealed partial class EmailHtmlTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // RULES.md §5: valid through the day before the third anniversary, expired from the day after.
    [Fact]
    public async Task A_notice_arrives_with_a_plain_and_an_HTML_part_stating_the_same_dates_and_facts_with_values_escaped()
    {
        await using var harness = new NotificationHarness(services);
        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), Ct);
        var notice = NotificationHarness.Notice(
            NoticeKinds.CertificateExpired, NoticeClass.Mandatory, new LocalDate(2027, 3, 15),
            facts: [("lastValidDay", "2027-03-14"), ("expiredFrom", "2027-03-15"), ("certificateNumber", "宁AQBⅡ2024000012"), ("enterpriseName", "<b>银川&煤业</b>")]);

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        await harness.Sender.ProcessAsync(Assert.Single(await harness.AllDeliveriesAsync()).Id, Ct);

        var mail = Assert.Single(await harness.MailForAsync(address, 1));
        var text = mail.GetProperty("text").GetString()!;
        var html = mail.GetProperty("html").GetString()!;
        Assert.Contains("2027年3月14日", text, StringComparison.Ordinal);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>银川", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;银川&amp;煤业&lt;/b&gt;", html, StringComparison.Ordinal);
        AssertSameFacts(text, html);
    }

    // RULES.md §9: the digest lists what is overdue and due soon; the HTML part shows each section as a table.
    [Fact]
    public async Task A_digest_arrives_with_its_sections_as_HTML_tables_with_the_same_dates_as_its_text()
    {
        await using var harness = new NotificationHarness(services);
        var address = harness.Mailbox("ningxia");
        await harness.Contacts.SaveAsync("regulator:640000:provincial", Contact.Email(1, address), Ct);
        harness.Time.Advance(TimeSpan.FromDays(1));
        var feed = new ListFeed(
            new("e-1", "宁夏银川甲矿业有限公司", "material-review", new LocalDate(2026, 3, 9), "RULES.md §4.1 [000 §3(2)1]", null, Facts("640104")),
            new("e-2", "宁夏银川乙化工有限公司", "renewal-application", new LocalDate(2026, 3, 30), "RULES.md §6 [002 §2(3)]", "宁AQBⅡ2024000012", Facts("640105")));
        var function = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<Functions.Notifications.Digest.DailyDigestFunction>(harness.Provider, (Functions.Notifications.Digest.IDeadlineFeed)feed);

        Assert.Equal(1, await function.RunAsync(Ct));
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        var mail = Assert.Single(await harness.MailForAsync(address, 1));
        var text = mail.GetProperty("text").GetString()!;
        var html = mail.GetProperty("html").GetString()!;
        Assert.Contains("2026年3月9日", text, StringComparison.Ordinal);
        Assert.Contains("2026年3月30日", text, StringComparison.Ordinal);
        var rows = TableRow().Matches(html).Select(m => WebUtility.HtmlDecode(TagOrSpace().Replace(m.Value, " "))).ToList();
        Assert.Contains(rows, r => r.Contains("宁夏银川甲矿业有限公司", StringComparison.Ordinal) && r.Contains("2026年3月9日", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("宁夏银川乙化工有限公司", StringComparison.Ordinal) && r.Contains("2026年3月30日", StringComparison.Ordinal) && r.Contains("宁AQBⅡ2024000012", StringComparison.Ordinal));
        AssertSameFacts(text, html);
    }

    private static Dictionary<string, string> Facts(string region) => new() { ["regionCode"] = region };

    // Every date, in either language, and every certificate number the plain text states, the HTML states too, and no other.
    private static void AssertSameFacts(string text, string html)
    {
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        var shown = WebUtility.HtmlDecode(TagOrSpace().Replace(body, " "));
        var inText = FactPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(inText);
        Assert.Equal(inText, FactPattern().Matches(shown).Select(m => m.Value).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"\d{4}年\d{1,2}月\d{1,2}日|\d{1,2} [A-Z][a-z]+ \d{4}|[\u4e00-\u9fff]AQB\S+?\d{10}")]
    private static partial Regex FactPattern();

    [GeneratedRegex(@"<[^>]+>|\s+")]
    private static partial Regex TagOrSpace();

    [GeneratedRegex(@"<tr>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex TableRow();

    private sealed class ListFeed(params Functions.Notifications.Digest.DigestDeadline[] deadlines) : Functions.Notifications.Digest.IDeadlineFeed
    {
        public async IAsyncEnumerable<Functions.Notifications.Digest.DigestDeadline> OpenAsync(LocalDate until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Yield();
            foreach (var d in deadlines.Where(d => d.Due <= until))
            {
                yield return d;
            }
        }
    }
}
