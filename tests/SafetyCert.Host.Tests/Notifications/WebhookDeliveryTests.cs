using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class WebhookDeliveryTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Server_errors_are_retried_with_doubling_backoff_under_one_delivery_id()
    {
        await using var receiver = new RobotReceiver { Answer = n => n < 2 ? (500, "{}") : (200, "{}") };
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Webhook(1, new Uri(receiver.BaseUrl, "hooks/safety"), receiver.WebhookSecret), Ct);
        var notice = NotificationHarness.Notice(NoticeKinds.RemediationDueSoon, NoticeClass.Mandatory, new LocalDate(2026, 9, 1));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        var id = (await harness.AllDeliveriesAsync()).Single().Id;
        var start = harness.Time.GetUtcNow();

        for (var i = 0; i < 24; i++)
        {
            await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
            harness.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Empty(receiver.Rejected);
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.Equal(id, r.Headers["X-SafetyCert-Delivery"]));
        var body = JsonDocument.Parse(receiver.Received[2].Body).RootElement;
        Assert.Equal(NoticeKinds.RemediationDueSoon, body.GetProperty("kind").GetString());
        var row = await harness.Ledger.GetAsync(id, Ct);
        Assert.Equal(DeliveryStatus.Sent, row!.Status);
        Assert.Equal([SendResult.Transient, SendResult.Transient, SendResult.Sent], row.Attempts.Select(a => a.Outcome));
        // First retry 30 s after the failure, the second 60 s after the next (options: FirstRetryDelay 30 s, doubled).
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(90)], row.Attempts.Select(a => a.At - start));
    }

    [Fact]
    public async Task Permanent_failure_of_a_mandatory_notice_falls_back_to_the_next_channel()
    {
        await using var receiver = new RobotReceiver { Answer = _ => (410, """{"error":"hook removed"}""") };
        await using var harness = new NotificationHarness(services, receiver);
        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Webhook(1, new Uri(receiver.BaseUrl, "hooks/safety"), receiver.WebhookSecret), Ct);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(2, address), Ct);
        // RULES.md §7: revocation is announced to the enterprise; the notice is mandatory.
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateRevoked, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), facts: ("reason", "发生死亡事故"));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);

        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        Assert.Single(receiver.Received);
        var mail = Assert.Single(await harness.MailForAsync(address, 1));
        Assert.Contains("发生死亡事故", mail.GetProperty("text").GetString(), StringComparison.Ordinal);
        var views = await harness.Status.ForNoticeAsync(WorkflowKinds.Certificate, "cert-1", NoticeKinds.CertificateRevoked, new LocalDate(2026, 3, 10), Ct);
        Assert.Equal(2, views.Count);
        var webhook = views.Single(v => v.Channel == ChannelKind.Webhook);
        Assert.Equal(DeliveryStatus.FellBack, webhook.Status);
        Assert.Contains("HTTP 410", Assert.Single(webhook.Attempts).Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hook removed", Assert.Single(webhook.Attempts).Error, StringComparison.Ordinal);
        var email = views.Single(v => v.Channel == ChannelKind.Email);
        Assert.Equal((DeliveryStatus.Sent, webhook.DeliveryId), (email.Status, email.FallbackOf));
        Assert.Equal(2, (await harness.Status.ForEnterpriseAsync("e-1001", Ct)).Count);
    }

    [Fact]
    public async Task Permanent_failure_of_a_routine_notice_fails_without_fallback()
    {
        await using var receiver = new RobotReceiver { Answer = _ => (404, "{}") };
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Webhook(1, new Uri(receiver.BaseUrl, "hooks/safety"), receiver.WebhookSecret), Ct);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(2, harness.Mailbox()), Ct);
        var notice = NotificationHarness.Notice(NoticeKinds.RenewalReminder, NoticeClass.Routine, new LocalDate(2027, 3, 14));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);

        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        var row = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.Equal(DeliveryStatus.Failed, row.Status);
    }
}
