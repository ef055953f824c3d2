using System.Globalization;
using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class RobotDeliveryTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Burst_of_50_DingTalk_messages_spreads_over_three_minutes_at_20_a_minute_without_loss()
    {
        await using var receiver = new RobotReceiver();
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.DingTalk(1, "robot-token", receiver.DingTalkSecret), Ct);
        var start = harness.Time.GetUtcNow();
        for (var i = 0; i < 50; i++)
        {
            var notice = NotificationHarness.Notice(NoticeKinds.RenewalReminder, NoticeClass.Routine, new LocalDate(2027, 3, 14));
            await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice, $"cert-{i}"), Ct);
        }

        // The sweep every ten seconds of fake time is the only driver; nothing waits for real.
        while (harness.Time.GetUtcNow() - start < TimeSpan.FromMinutes(4))
        {
            await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
            harness.Time.Advance(TimeSpan.FromSeconds(10));
        }

        Assert.Empty(receiver.Rejected);
        var sentAt = receiver.Received
            .Select(r => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(r.Query["timestamp"], CultureInfo.InvariantCulture)))
            .Order()
            .ToList();
        Assert.Equal(50, sentAt.Count);
        var references = receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("markdown").GetProperty("text").GetString()!.Split("通知编号：")[1].Split('\n')[0]).Distinct();
        Assert.Equal(50, references.Count());
        foreach (var first in sentAt)
        {
            Assert.True(sentAt.Count(t => t >= first && t < first + TimeSpan.FromMinutes(1)) <= 20, $"More than 20 messages in the minute from {first:T}.");
        }

        Assert.InRange(sentAt[^1] - start, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3));
    }

    [Fact]
    public async Task WeCom_robot_gets_markdown_and_falls_back_to_text_when_markdown_is_refused()
    {
        await using var receiver = new RobotReceiver { Answer = n => n == 0 ? (200, """{"errcode":40008,"errmsg":"invalid message type"}""") : (200, """{"errcode":0,"errmsg":"ok"}""") };
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("review-unit:u-7", Contact.WeCom(1, "wecom-key"), Ct);
        var notice = NotificationHarness.Notice(NoticeKinds.ReviewDueSoon, NoticeClass.Mandatory, new LocalDate(2026, 6, 10), Party.ReviewUnit, ("reviewUnitId", "u-7"));

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        var delivery = await harness.Sender.ProcessAsync((await harness.AllDeliveriesAsync()).Single().Id, Ct);

        Assert.Equal(DeliveryStatus.Sent, delivery!.Status);
        Assert.Empty(receiver.Rejected);
        Assert.Equal(2, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal("wecom-key", r.Query["key"]));
        var markdown = JsonDocument.Parse(receiver.Received[0].Body).RootElement;
        Assert.Equal("markdown", markdown.GetProperty("msgtype").GetString());
        Assert.StartsWith("### 【安全生产标准化】现场评审即将到期", markdown.GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Contains("2026年6月10日", markdown.GetProperty("markdown").GetProperty("content").GetString(), StringComparison.Ordinal);
        Assert.Equal("text", JsonDocument.Parse(receiver.Received[1].Body).RootElement.GetProperty("msgtype").GetString());
    }

    // A name is shown as written: markdown in it neither breaks the message nor turns into markup; the notice's number is labelled.
    [Fact]
    public async Task A_DingTalk_message_escapes_markdown_in_names_and_labels_the_notice_number_in_both_languages()
    {
        await using var receiver = new RobotReceiver();
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.DingTalk(1, "robot-token", receiver.DingTalkSecret), Ct);
        const string name = "*星光*_化工_[厂](http://x) #2 `A|B` <b>~";
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateIssued, NoticeClass.Mandatory, new LocalDate(2026, 7, 24), facts: [("certificateNumber", "宁AQBⅢ2026000001"), ("enterpriseName", name)]);
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        var id = (await harness.AllDeliveriesAsync()).Single().Id;

        await harness.Sender.ProcessAsync(id, Ct);

        var markdown = JsonDocument.Parse(Assert.Single(receiver.Received).Body).RootElement.GetProperty("markdown");
        var text = markdown.GetProperty("text").GetString()!;
        const string escaped = @"\*星光\*\_化工\_\[厂\](http://x) \#2 \`A\|B\` \<b\>\~";
        Assert.StartsWith("### 【安全生产标准化】", text, StringComparison.Ordinal);
        Assert.Contains(escaped, text, StringComparison.Ordinal);
        Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        Assert.Equal(name.Length, escaped.Replace("\\", "", StringComparison.Ordinal).Length);
        Assert.Contains($"> 通知编号：{RobotText.Escape(id)}", text, StringComparison.Ordinal);
        Assert.Contains($"> Notice no.: {RobotText.Escape(id)}", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ref:", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DingTalk_rate_limit_errcode_130101_waits_out_the_ten_minute_block()
    {
        await using var receiver = new RobotReceiver { Answer = n => n == 0 ? (200, """{"errcode":130101,"errmsg":"send too fast"}""") : (200, """{"errcode":0,"errmsg":"ok"}""") };
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.DingTalk(1, "robot-token", receiver.DingTalkSecret), Ct);
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateIssued, NoticeClass.Mandatory, new LocalDate(2029, 3, 9), facts: ("certificateNumber", "宁AQBⅢ2026000001"));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        var id = (await harness.AllDeliveriesAsync()).Single().Id;

        var waiting = await harness.Sender.ProcessAsync(id, Ct);
        Assert.Equal(DeliveryStatus.Pending, waiting!.Status);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMinutes(10), waiting.NextAttemptAt);
        harness.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct));
        harness.Time.Advance(TimeSpan.FromMinutes(1));
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        Assert.Empty(receiver.Rejected);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal(DeliveryStatus.Sent, (await harness.Ledger.GetAsync(id, Ct))!.Status);
    }

    [Fact]
    public async Task A_robot_s_errmsg_is_not_repeated_in_the_delivery_status()
    {
        // The status users read names the service, the code and our own short reason, never what the receiver wrote.
        await using var receiver = new RobotReceiver { Answer = _ => (200, """{"errcode":93000,"errmsg":"invalid webhook url <a href=//evil.example>see here</a>"}""") };
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("review-unit:u-7", Contact.WeCom(1, "wecom-key"), Ct);
        var notice = NotificationHarness.Notice(NoticeKinds.ReviewDueSoon, NoticeClass.Mandatory, new LocalDate(2026, 6, 10), Party.ReviewUnit, ("reviewUnitId", "u-7"));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);

        var delivery = await harness.Sender.ProcessAsync((await harness.AllDeliveriesAsync()).Single().Id, Ct);

        var error = Assert.Single(delivery!.Attempts).Error!;
        Assert.Equal("WeCom errcode 93000 (robot key, token or signature refused)", error);
        Assert.DoesNotContain("evil", error, StringComparison.Ordinal);
    }
}
