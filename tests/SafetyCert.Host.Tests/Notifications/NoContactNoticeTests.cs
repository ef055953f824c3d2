using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>A notice to a party with no contact is kept as undeliverable and sent once a contact appears.</summary>
public sealed class NoContactNoticeTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notice_to_a_party_without_a_contact_is_undeliverable_then_sent_once_when_a_contact_is_saved()
    {
        await using var harness = new NotificationHarness(services);
        var waiting = await UndeliverableAsync(harness);

        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), Ct);

        // Saving the contact re-addressed the notice and queued it; the queue message, a catch-up and a second host all
        // find it, and it goes out once.
        Assert.Equal(DeliveryStatus.Readdressed, (await harness.Ledger.GetAsync(waiting.Id, Ct))!.Status);
        Assert.Equal(1, await harness.QueuedMessagesAsync());
        await SendEverythingTwiceAsync(harness);
        await AssertSentOnceAsync(harness, waiting, address);
    }

    [Fact]
    public async Task A_contact_that_appears_without_the_contacts_API_is_picked_up_by_the_catch_up()
    {
        await using var harness = new NotificationHarness(services);
        var waiting = await UndeliverableAsync(harness);
        // A contact written by another host or tool, which did not re-address anything itself.
        var storage = harness.Provider.GetRequiredService<NotificationStorage>();
        var elsewhere = new ContactBook(storage.Table(NotificationStorage.ContactsTable), harness.Provider.GetRequiredService<WebhookTargetGuard>());
        var address = harness.Mailbox();
        await elsewhere.SaveAsync("enterprise:e-1001", Contact.Email(1, address), Ct);
        Assert.Equal(DeliveryStatus.Undeliverable, (await harness.Ledger.GetAsync(waiting.Id, Ct))!.Status);

        harness.Time.Advance(TimeSpan.FromMinutes(5));
        await SendEverythingTwiceAsync(harness);
        await AssertSentOnceAsync(harness, waiting, address);
    }

    private static async Task<Delivery> UndeliverableAsync(NotificationHarness harness)
    {
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateExpired, NoticeClass.Mandatory, new LocalDate(2027, 3, 15));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        var waiting = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.Equal(DeliveryStatus.Undeliverable, waiting.Status);
        Assert.Equal(0, await harness.QueuedMessagesAsync());

        // Nothing to send it to yet: the catch-up leaves it as it is, and the delivery status says why.
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
        var view = Assert.Single(await harness.Status.ForEnterpriseAsync("e-1001", Ct));
        Assert.Equal(DeliveryStatus.Undeliverable, view.Status);
        Assert.Contains("no contact", Assert.Single(view.Attempts).Error, StringComparison.Ordinal);
        return waiting;
    }

    private static async Task SendEverythingTwiceAsync(NotificationHarness harness)
    {
        var otherHost = harness.Build().GetRequiredService<NotificationSender>();
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
        await otherHost.CatchUpAsync(harness.Time.GetUtcNow(), Ct);
        foreach (var row in await harness.AllDeliveriesAsync())
        {
            await harness.Sender.ProcessAsync(row.Id, Ct);
            await otherHost.ProcessAsync(row.Id, Ct);
        }
    }

    private static async Task AssertSentOnceAsync(NotificationHarness harness, Delivery waiting, string address)
    {
        var mail = Assert.Single(await harness.MailForAsync(address, 1));
        Assert.StartsWith("【安全生产标准化】证书已过期失效", mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
        var rows = await harness.AllDeliveriesAsync();
        Assert.Equal(2, rows.Count);
        Assert.Equal(DeliveryStatus.Readdressed, rows.Single(r => r.Id == waiting.Id).Status);
        var sent = rows.Single(r => r.Id != waiting.Id);
        Assert.Equal((DeliveryStatus.Sent, waiting.Id), (sent.Status, sent.FallbackOf));
    }
}
