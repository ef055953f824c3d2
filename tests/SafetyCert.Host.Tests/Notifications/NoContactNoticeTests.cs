using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>A notice to a party with no contact is kept as undeliverable and sent once a contact appears.</summary>
public sealed class NoContactNoticeTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notice_to_a_party_without_a_contact_is_undeliverable_then_sent_once_when_a_contact_is_added()
    {
        await using var harness = new NotificationHarness(services);
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateExpired, NoticeClass.Mandatory, new LocalDate(2027, 3, 15));

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        var waiting = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.Equal(DeliveryStatus.Undeliverable, waiting.Status);
        Assert.Equal(0, await harness.QueuedMessagesAsync());
        // Nothing to send yet: the catch-up leaves it as it is.
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
        var view = Assert.Single(await harness.Status.ForEnterpriseAsync("e-1001", Ct));
        Assert.Equal(DeliveryStatus.Undeliverable, view.Status);
        Assert.Contains("no contact", Assert.Single(view.Attempts).Error, StringComparison.Ordinal);

        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), Ct);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
        // A second catch-up, a second host's, and the queue message all find nothing more to send.
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
        var rows = await harness.AllDeliveriesAsync();
        foreach (var row in rows)
        {
            await harness.Sender.ProcessAsync(row.Id, Ct);
        }

        var mail = Assert.Single(await harness.MailForAsync(address, 1));
        Assert.StartsWith("【安全生产标准化】证书已过期失效", mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        rows = await harness.AllDeliveriesAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(DeliveryStatus.Readdressed, rows.Single(r => r.Id == waiting.Id).Status);
        var sent = rows.Single(r => r.Id != waiting.Id);
        Assert.Equal((DeliveryStatus.Sent, waiting.Id), (sent.Status, sent.FallbackOf));
    }
}
