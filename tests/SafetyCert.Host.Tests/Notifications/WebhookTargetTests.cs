using System.Net;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>Webhooks cannot reach the host's own network, whatever a contact row says when the message goes out.</summary>
public sealed class WebhookTargetTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("1.1.1.1", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("127.0.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.0.2.1", false)]
    [InlineData("192.168.0.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("::127.0.0.1", false)]
    [InlineData("64:ff9b::a9fe:a9fe", false)]
    [InlineData("2002:a9fe:a9fe::1", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("fc00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("ff02::1", false)]
    public void Only_public_unicast_addresses_count_as_public(string address, bool expected) =>
        Assert.Equal(expected, WebhookTargetGuard.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_stored_webhook_on_a_loopback_address_is_refused_when_sent_and_the_receiver_gets_nothing()
    {
        await using var receiver = new RobotReceiver();
        await using var harness = new NotificationHarness(services, receiver, allowLocalWebhooks: false);
        // A row saved before the rule, or by hand: the send-time check is what stands between it and the network.
        await WriteWebhookRowAsync(harness, $"https://127.0.0.1:{receiver.Port}/hooks/safety");
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(Notice()), Ct);

        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        Assert.Empty(receiver.Received);
        var row = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.Equal(DeliveryStatus.Failed, row.Status);
        Assert.Contains("not a public address", Assert.Single(row.Attempts).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_webhook_client_connects_only_to_checked_addresses_so_a_name_resolving_to_loopback_is_refused()
    {
        await using var receiver = new RobotReceiver();
        await using var harness = new NotificationHarness(services, receiver, allowLocalWebhooks: false);
        var client = harness.Provider.GetRequiredKeyedService<HttpClient>(WebhookChannel.HttpClientKey);

        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => client.PostAsync(new Uri($"http://localhost:{receiver.Port}/hooks/safety"), new StringContent("{}"), Ct));

        Assert.IsType<WebhookTargetRefusedException>(refused.InnerException);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task A_redirect_is_not_followed_and_the_status_shows_the_code_and_reason_but_never_the_body()
    {
        await using var receiver = new RobotReceiver { Answer = n => n == 0 ? (307, "internal page: db password is hunter2") : (200, "{}") };
        await using var harness = new NotificationHarness(services, receiver);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Webhook(1, new Uri(receiver.BaseUrl, "hooks/safety"), receiver.WebhookSecret), Ct);
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(Notice()), Ct);

        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        Assert.Single(receiver.Received);
        var view = Assert.Single(await harness.Status.ForEnterpriseAsync("e-1001", Ct));
        Assert.Equal(DeliveryStatus.Failed, view.Status);
        var error = Assert.Single(view.Attempts).Error!;
        Assert.StartsWith("HTTP 307 Temporary Redirect", error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_contact_row_whose_channel_names_none_does_not_stop_the_party_s_other_channels()
    {
        await using var harness = new NotificationHarness(services);
        var address = harness.Mailbox();
        var table = harness.Provider.GetRequiredService<NotificationStorage>().Table(NotificationStorage.ContactsTable);
        await table.UpsertEntityAsync(new TableEntity(ContactBook.Key("enterprise:e-1001"), "01-7") { ["Channel"] = "7", ["Order"] = 1, ["Addresses"] = "" }, cancellationToken: Ct);
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(2, address), Ct);
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(Notice()), Ct);

        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        Assert.Single(await harness.MailForAsync(address, 1));
        Assert.Equal(DeliveryStatus.Sent, Assert.Single(await harness.AllDeliveriesAsync()).Status);
    }

    private static Notify Notice() => NotificationHarness.Notice(NoticeKinds.RemediationDueSoon, NoticeClass.Mandatory, new LocalDate(2026, 9, 1));

    private static async Task WriteWebhookRowAsync(NotificationHarness harness, string url)
    {
        var table = harness.Provider.GetRequiredService<NotificationStorage>().Table(NotificationStorage.ContactsTable);
        await table.UpsertEntityAsync(
            new TableEntity(ContactBook.Key("enterprise:e-1001"), "01-webhook")
            {
                ["Channel"] = "Webhook", ["Order"] = 1, ["Addresses"] = "", ["Url"] = url, ["Secret"] = "webhook-secret",
            },
            cancellationToken: Ct);
    }
}
