using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class EmailDeliveryTests(LocalServices services)
{
    private static readonly LocalDate ValidThrough = new(2027, 3, 14);

    [Fact]
    public async Task Renewal_reminder_arrives_in_MailDev_in_Chinese_first_to_every_address()
    {
        await using var harness = new NotificationHarness(services);
        var (first, second) = (harness.Mailbox("a"), harness.Mailbox("b"));
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, first, second), TestContext.Current.CancellationToken);
        // RULES.md §6: renewal reminders before the last valid day.
        var notice = NotificationHarness.Notice(NoticeKinds.RenewalReminder, NoticeClass.Routine, ValidThrough, facts: ("certificateNumber", "宁AQBⅡ2024000012"));

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), TestContext.Current.CancellationToken);
        var id = (await harness.AllDeliveriesAsync()).Single().Id;
        await harness.Sender.ProcessAsync(id, TestContext.Current.CancellationToken);

        var mail = await harness.MailForAsync(first, 1);
        var message = Assert.Single(mail);
        var subject = message.GetProperty("subject").GetString()!;
        Assert.StartsWith("【安全生产标准化】证书即将到期", subject, StringComparison.Ordinal);
        Assert.Contains("Certificate expiring", subject, StringComparison.Ordinal);
        var text = message.GetProperty("text").GetString()!;
        Assert.Contains("2027年3月14日", text, StringComparison.Ordinal);
        Assert.Contains("宁AQBⅡ2024000012", text, StringComparison.Ordinal);
        Assert.True(text.IndexOf("下一步", StringComparison.Ordinal) < text.IndexOf("Next step", StringComparison.Ordinal), "Chinese comes before English.");
        var recipients = message.GetProperty("to").EnumerateArray().Select(t => t.GetProperty("address").GetString()).Order().ToList();
        Assert.Equal([first, second], recipients);
        Assert.Equal(DeliveryStatus.Sent, (await harness.Ledger.GetAsync(id, TestContext.Current.CancellationToken))!.Status);
    }

    [Fact]
    public async Task Same_request_enqueued_twice_and_processed_by_two_senders_at_once_sends_one_email()
    {
        await using var harness = new NotificationHarness(services);
        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), TestContext.Current.CancellationToken);
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateRevoked, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), facts: ("reason", "瞒报事故"));

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice, sequence: 7), TestContext.Current.CancellationToken);
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice, sequence: 8), TestContext.Current.CancellationToken);
        var id = Assert.Single(await harness.AllDeliveriesAsync()).Id;
        Assert.Equal(1, await harness.QueuedMessagesAsync());

        var otherHost = harness.Build().GetRequiredService<NotificationSender>();
        await Task.WhenAll(
            harness.Sender.ProcessAsync(id, TestContext.Current.CancellationToken),
            otherHost.ProcessAsync(id, TestContext.Current.CancellationToken),
            harness.Sender.ProcessAsync(id, TestContext.Current.CancellationToken),
            otherHost.ProcessAsync(id, TestContext.Current.CancellationToken));

        Assert.Single(await harness.MailForAsync(address, 1));
        var row = await harness.Ledger.GetAsync(id, TestContext.Current.CancellationToken);
        Assert.Equal(DeliveryStatus.Sent, row!.Status);
        Assert.Single(row.Attempts);
    }

    [Fact]
    public async Task Crash_between_send_and_record_resends_with_the_same_Message_ID()
    {
        await using var harness = new NotificationHarness(services);
        var address = harness.Mailbox();
        var contact = Contact.Email(1, address);
        await harness.Contacts.SaveAsync("enterprise:e-1001", contact, TestContext.Current.CancellationToken);
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateExpired, NoticeClass.Mandatory, new LocalDate(2027, 3, 15));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), TestContext.Current.CancellationToken);
        var pending = Assert.Single(await harness.AllDeliveriesAsync());

        // What a sender leaves behind when it dies right after the relay accepted the message: a claimed row, a sent e-mail.
        var claimed = await harness.Ledger.TryUpdateAsync(pending with { Status = DeliveryStatus.Sending, SendingSince = harness.Time.GetUtcNow() }, TestContext.Current.CancellationToken);
        Assert.NotNull(claimed);
        var email = harness.Provider.GetServices<INotificationChannel>().Single(c => c.Kind == ChannelKind.Email);
        Assert.Equal(SendResult.Sent, (await email.SendAsync(claimed.ToMessage(), contact, TestContext.Current.CancellationToken)).Result);

        Assert.Equal(DeliveryStatus.Sending, (await harness.Sender.ProcessAsync(pending.Id, TestContext.Current.CancellationToken))!.Status);
        harness.Time.Advance(TimeSpan.FromMinutes(6));
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), TestContext.Current.CancellationToken);

        var mail = await harness.MailForAsync(address, 2);
        Assert.Equal(2, mail.Count);
        var messageIds = mail.Select(m => m.GetProperty("headers").GetProperty("message-id").GetString()!.Trim('<', '>')).Distinct().ToList();
        Assert.Equal([EmailChannel.MessageId(pending.Id)], messageIds);
        Assert.Equal(DeliveryStatus.Sent, (await harness.Ledger.GetAsync(pending.Id, TestContext.Current.CancellationToken))!.Status);
    }

    // dev --clock-speed 43200: half a business day passes in one real second, while a sender still holds its claim.
    [Fact]
    public async Task A_claim_lasts_its_lease_in_real_time_however_fast_the_business_clock_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        var wall = new FakeTimeProvider(NotificationHarness.TuesdayMorning);
        await using var harness = new NotificationHarness(services, realTime: wall);
        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), ct);
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateExpired, NoticeClass.Mandatory, new LocalDate(2027, 3, 15));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), ct);
        var pending = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.NotNull(await harness.Ledger.TryUpdateAsync(pending with { Status = DeliveryStatus.Sending, SendingSince = wall.GetUtcNow() }, ct));

        harness.Time.Advance(TimeSpan.FromHours(12));
        wall.Advance(TimeSpan.FromSeconds(1));
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), ct);

        var held = (await harness.Ledger.GetAsync(pending.Id, ct))!;
        Assert.Equal((DeliveryStatus.Sending, 0), (held.Status, held.Attempts.Count));

        // The claim's holder died: once the lease has run out in real time, the delivery goes out, once.
        wall.Advance(TimeSpan.FromMinutes(6));
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), ct);
        Assert.Equal(DeliveryStatus.Sent, (await harness.Ledger.GetAsync(pending.Id, ct))!.Status);
        Assert.Single(await harness.MailForAsync(address, 1));
    }

    [Fact]
    public async Task Catch_up_after_a_day_of_downtime_sends_once()
    {
        await using var harness = new NotificationHarness(services);
        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), TestContext.Current.CancellationToken);
        var notice = NotificationHarness.Notice(NoticeKinds.SelfAssessmentOverdue, NoticeClass.Mandatory, new LocalDate(2026, 1, 1), facts: ("year", "2025"));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), TestContext.Current.CancellationToken);
        var id = Assert.Single(await harness.AllDeliveriesAsync()).Id;

        // Nothing processed the queue for a day; then the sweep runs twice and the stale queue message arrives too.
        harness.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), TestContext.Current.CancellationToken));
        Assert.Equal(0, await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), TestContext.Current.CancellationToken));
        await harness.Sender.ProcessAsync(id, TestContext.Current.CancellationToken);

        Assert.Single(await harness.MailForAsync(address, 1));
    }

    [Fact]
    public async Task Muted_routine_notice_is_not_sent_but_a_mandatory_one_of_a_muted_kind_is()
    {
        await using var harness = new NotificationHarness(services);
        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), TestContext.Current.CancellationToken);
        await harness.Contacts.SavePreferencesAsync(
            "enterprise:e-1001",
            new ContactPreferences(new HashSet<string> { NoticeKinds.RenewalReminder, NoticeKinds.CertificateSuspended }),
            TestContext.Current.CancellationToken);
        var routine = NotificationHarness.Notice(NoticeKinds.RenewalReminder, NoticeClass.Routine, ValidThrough);
        var mandatory = NotificationHarness.Notice(NoticeKinds.CertificateSuspended, NoticeClass.Mandatory, new LocalDate(2026, 3, 10));

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(routine), TestContext.Current.CancellationToken);
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(mandatory), TestContext.Current.CancellationToken);
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), TestContext.Current.CancellationToken);

        var rows = await harness.AllDeliveriesAsync();
        Assert.Equal(DeliveryStatus.Muted, rows.Single(r => r.NoticeKind == NoticeKinds.RenewalReminder).Status);
        Assert.Equal(DeliveryStatus.Sent, rows.Single(r => r.NoticeKind == NoticeKinds.CertificateSuspended).Status);
        var mail = Assert.Single(await harness.MailForAsync(address, 1));
        Assert.StartsWith("【安全生产标准化】证书已暂收回", mail.GetProperty("subject").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Informational_notice_on_a_Saturday_is_held_until_Monday_nine_Beijing_time()
    {
        // Saturday 2026-03-14, 10:00 Beijing.
        await using var harness = new NotificationHarness(services, start: new DateTimeOffset(2026, 3, 14, 2, 0, 0, TimeSpan.Zero));
        var address = harness.Mailbox();
        await harness.Contacts.SaveAsync("enterprise:e-1001", Contact.Email(1, address), TestContext.Current.CancellationToken);
        var notice = NotificationHarness.Notice(NoticeKinds.ApplicationReceived, NoticeClass.Informational, new LocalDate(2026, 3, 27));

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), TestContext.Current.CancellationToken);
        var held = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.Equal(DeliveryStatus.Held, held.Status);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 1, 0, 0, TimeSpan.Zero), held.NextAttemptAt);
        await harness.Sender.ProcessAsync(held.Id, TestContext.Current.CancellationToken);
        harness.Time.Advance(TimeSpan.FromHours(46.9));
        Assert.Equal(0, await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), TestContext.Current.CancellationToken));
        Assert.Empty(await harness.MailForAsync(address, 0));

        harness.Time.Advance(TimeSpan.FromHours(0.1));
        Assert.Equal(1, await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), TestContext.Current.CancellationToken));
        Assert.Single(await harness.MailForAsync(address, 1));
    }
}
