using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Tests.Notifications;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// A poison message is reported on the instance, not lost. The notification sender's queue
/// trigger (host.json: 5 dequeues, then <c>{queue}-poison</c>) on the app as <c>serve</c> runs it. The message is made to
/// fail for good the way a deployment can make it fail: the party's contact row holds a value of a type this version cannot
/// read (written by a newer release, or by hand), so the sender throws before it claims the delivery, on every dequeue.
/// </summary>
public sealed class PoisonedNotificationTests(LocalServices services)
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_notification_message_that_keeps_failing_moves_to_the_poison_queue_after_five_deliveries_and_its_ledger_row_stays_due()
    {
        await using var host = await PoisonHost.StartAsync(services);
        var poisoned = await host.RecordAsync("a-poisoned", "ent-poisoned");
        await host.BreakContactAsync("ent-poisoned");

        await host.Queue.SendAsync(poisoned.Id, TimeSpan.Zero, Ct);

        // In the poison queue, with the delivery id as sent, and gone from the sender's queue.
        var moved = await host.WaitForPoisonAsync();
        Assert.Equal(poisoned.Id, moved);
        Assert.Equal(0, (await host.QueueClient.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);

        // Exactly five deliveries: four failures that return the message, the fifth moves it (QueueLog events 5 and 6).
        var failed = host.Logs.Entries.Where(e => e.EventId == 5).Select(e => Convert.ToInt64(e.Values["DequeueCount"], System.Globalization.CultureInfo.InvariantCulture)).Order();
        Assert.Equal([1L, 2L, 3L, 4L], failed);
        var poison = Assert.Single(host.Logs.Entries, e => e.EventId == 6);
        Assert.Equal(5L, Convert.ToInt64(poison.Values["DequeueCount"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsType<InvalidOperationException>(poison.Exception);

        // Not lost: the ledger row is still there and due, so the catch-up (every five minutes of real time) tries it again.
        // Should that catch-up have come already, its try was the sixth and last, and the row failed for good.
        var row = await host.Ledger.GetAsync(poisoned.Id, Ct);
        Assert.NotNull(row);
        if (row.IsFinished)
        {
            Assert.Equal((DeliveryStatus.Failed, 6), (row.Status, row.Attempts.Count));
        }
        else
        {
            Assert.Contains(await ToListAsync(host.Ledger.DueAsync(DateTimeOffset.UtcNow, Ct)), d => d.Id == poisoned.Id);
        }
    }

    [Fact]
    public async Task A_poisoned_notification_is_reported_on_its_ledger_row_and_fails_for_good_after_the_catch_up_tries_it_last()
    {
        await using var host = await PoisonHost.StartAsync(services);
        var poisoned = await host.RecordAsync("a-poisoned", "ent-poisoned");
        await host.BreakContactAsync("ent-poisoned");

        await host.Queue.SendAsync(poisoned.Id, TimeSpan.Zero, Ct);
        await host.WaitForPoisonAsync();

        // Each of the five dequeues left its failed attempt on the row (and so did the catch-up, every five minutes of real
        // time, should it have come in the meantime); the exception's text, which names .NET types, stays in the log.
        var row = await host.Ledger.GetAsync(poisoned.Id, Ct);
        Assert.NotNull(row);
        var caughtUp = row.Attempts.Count == 6;
        Assert.Equal(caughtUp ? DeliveryStatus.Failed : DeliveryStatus.Pending, row.Status);
        Assert.InRange(row.Attempts.Count, 5, 6);
        Assert.All(row.Attempts, a => Assert.Contains("could not be processed", a.Error, StringComparison.Ordinal));
        Assert.All(row.Attempts, a => Assert.DoesNotContain("Int32", a.Error, StringComparison.Ordinal));

        // The catch-up tries once more (the sixth attempt, NotificationOptions.MaxAttempts), and the row then fails for good.
        if (!caughtUp)
        {
            await host.Sender.CatchUpAsync(DateTimeOffset.UtcNow, Ct);
        }

        row = await host.Ledger.GetAsync(poisoned.Id, Ct);
        Assert.Equal(DeliveryStatus.Failed, row!.Status);
        Assert.Equal(6, row.Attempts.Count);
        Assert.DoesNotContain(await ToListAsync(host.Ledger.DueAsync(DateTimeOffset.UtcNow, Ct)), d => d.Id == poisoned.Id);
    }

    [Fact]
    public async Task One_poisoned_delivery_does_not_stop_the_catch_up_of_the_others()
    {
        await using var host = await PoisonHost.StartAsync(services);
        // Ledger order is key order: the poisoned row's partition comes first.
        await host.RecordAsync("a-poisoned", "ent-poisoned");
        await host.BreakContactAsync("ent-poisoned");
        var healthy = await host.RecordAsync("b-healthy", "ent-healthy");
        await host.Contacts.SaveAsync("enterprise:ent-healthy", Contact.Email(1, host.Mailbox("ent-healthy")), Ct);

        // Neither row has a queue message (lost, or the host was down): only the catch-up can send them.
        await host.Sender.CatchUpAsync(DateTimeOffset.UtcNow, Ct);

        var row = await host.Ledger.GetAsync(healthy.Id, Ct);
        Assert.Equal(DeliveryStatus.Sent, row!.Status);
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    /// <summary>The app as serve builds it, in this process, with its log kept; the notification queue listener runs.</summary>
    private sealed class PoisonHost : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly LocalServices services;

        private PoisonHost(WebApplication app, LogCollector logs, string prefix, LocalServices services)
        {
            this.app = app;
            this.services = services;
            Logs = logs;
            Prefix = prefix;
            QueueClient = new QueueClient(services.Azurite.ConnectionString, $"{prefix}notifications", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        }

        public LogCollector Logs { get; }

        public string Prefix { get; }

        public QueueClient QueueClient { get; }

        public NotificationQueue Queue => app.Services.GetRequiredService<NotificationQueue>();

        public DeliveryLedger Ledger => app.Services.GetRequiredService<DeliveryLedger>();

        public ContactBook Contacts => app.Services.GetRequiredService<ContactBook>();

        public NotificationSender Sender => app.Services.GetRequiredService<NotificationSender>();

        public static async Task<PoisonHost> StartAsync(LocalServices services)
        {
            var logs = new LogCollector();
            var prefix = AzuriteFixture.NewPrefix();
            var app = ServeCommand.Build(
                [
                    $"--Storage:ConnectionString={services.Azurite.ConnectionString}",
                    $"--Storage:Prefix={prefix}",
                    $"--Jwt:SigningKey={ClientHost.SigningKey}",
                    "--Notifications:Smtp:Host=127.0.0.1",
                    $"--Notifications:Smtp:Port={services.MailDev.SmtpPort}",
                    "--LocalDurable:WorkerId=poison-test",
                ],
                builder =>
                {
                    builder.WebHost.UseTestServer();
                    builder.Logging.ClearProviders();
                    builder.Logging.AddProvider(logs);
                    builder.Logging.AddFilter("SafetyCert.Host.Local.QueueFunctionListener", LogLevel.Debug);
                },
                loadStoredCalendar: false);
            await app.StartAsync(Ct);
            return new PoisonHost(app, logs, prefix, services);
        }

        public string Mailbox(string enterpriseId) => $"{enterpriseId}.{Prefix}@example.cn";

        /// <summary>A due delivery of a certificate's expiry notice to its enterprise, as the outbox records one.</summary>
        public async Task<Delivery> RecordAsync(string certificateId, string enterpriseId)
        {
            var scope = $"enterprise:{enterpriseId}";
            var now = DateTimeOffset.UtcNow;
            var delivery = new Delivery
            {
                Id = DeliveryKey.Id(WorkflowKinds.Certificate, certificateId, NoticeKinds.CertificateExpired, "2027-01-01", scope, "01-email"),
                WorkflowKind = WorkflowKinds.Certificate,
                InstanceId = certificateId,
                Sequence = 7,
                NoticeKind = NoticeKinds.CertificateExpired,
                DueDate = "2027-01-01",
                Class = NoticeClass.Mandatory,
                Rule = "RULES.md §5 [000 §3(4)]",
                Recipient = Party.Enterprise,
                Scope = scope,
                Channel = ChannelKind.Email,
                ContactId = "01-email",
                Facts = new Dictionary<string, string> { ["enterpriseId"] = enterpriseId, ["certificateId"] = certificateId },
                Subject = "【安全生产标准化】证书已过期",
                Body = "证书已于 2027-01-01 过期。",
                Status = DeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            };
            Assert.True(await Ledger.TryAddAsync(delivery, Ct));
            return delivery;
        }

        /// <summary>The party's only contact row gives its order as text, where this version reads a number.</summary>
        public async Task BreakContactAsync(string enterpriseId)
        {
            var contacts = new TableClient(services.Azurite.ConnectionString, $"{Prefix}{NotificationStorage.ContactsTable}");
            await contacts.UpsertEntityAsync(
                new TableEntity(ContactBook.Key($"enterprise:{enterpriseId}"), "01-email")
                {
                    ["Channel"] = nameof(ChannelKind.Email),
                    ["Order"] = "first",
                    ["Addresses"] = "safety@example.com",
                },
                cancellationToken: Ct);
        }

        /// <summary>The body of the first message in <c>{queue}-poison</c>, once there is one.</summary>
        public async Task<string> WaitForPoisonAsync()
        {
            var poison = new QueueClient(services.Azurite.ConnectionString, $"{QueueClient.Name}-poison", new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
            var elapsed = Stopwatch.StartNew();
            while (true)
            {
                if (await poison.ExistsAsync(Ct) && (await poison.PeekMessagesAsync(1, Ct)).Value is [var message, ..])
                {
                    return message.Body.ToString();
                }

                Assert.True(
                    elapsed.Elapsed < TimeSpan.FromMinutes(1),
                    $"Nothing reached {poison.Name}. Logged:\n{string.Join('\n', Logs.Entries.Select(e => e.Message))}");
                await Task.Delay(200, Ct);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }
}
