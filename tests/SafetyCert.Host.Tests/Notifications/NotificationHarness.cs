using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>The notification module wired as the host wires it, over the shared Azurite/MailDev, under a fresh prefix.</summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    // Tuesday 2026-03-10, 10:00 Beijing: a working day inside working hours.
    public static readonly DateTimeOffset TuesdayMorning = new(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly List<ServiceProvider> providers = [];
    private readonly LocalServices services;
    private readonly RobotReceiver? receiver;

    private readonly bool allowLocalWebhooks;

    private readonly FakeTimeProvider? realTime;

    /// <param name="allowLocalWebhooks">Whether 127.0.0.1 (where <see cref="RobotReceiver"/> listens) is on the webhook allow-list.</param>
    /// <param name="realTime">The wall clock for leases, rate limits and signatures; the business clock <see cref="Time"/> when not given.</param>
    public NotificationHarness(LocalServices services, RobotReceiver? receiver = null, DateTimeOffset? start = null, bool allowLocalWebhooks = true, FakeTimeProvider? realTime = null)
    {
        this.realTime = realTime;
        this.services = services;
        this.receiver = receiver;
        this.allowLocalWebhooks = allowLocalWebhooks;
        Time = new FakeTimeProvider(start ?? TuesdayMorning);
        Prefix = "t" + Guid.NewGuid().ToString("N")[..12];
        Provider = Build();
    }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; }

    public ServiceProvider Provider { get; }

    public INotificationOutbox Outbox => Provider.GetRequiredService<INotificationOutbox>();

    public NotificationSender Sender => Provider.GetRequiredService<NotificationSender>();

    public ContactBook Contacts => Provider.GetRequiredService<ContactBook>();

    public DeliveryLedger Ledger => Provider.GetRequiredService<DeliveryLedger>();

    public DeliveryStatusQuery Status => Provider.GetRequiredService<DeliveryStatusQuery>();

    /// <summary>A unique mailbox for this test, so parallel tests can share MailDev.</summary>
    public string Mailbox(string who = "safety") => $"{who}.{Prefix}@example.cn";

    /// <summary>A second host over the same storage, with its own sender and rate limiter state.</summary>
    public ServiceProvider Build()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = services.Azurite.ConnectionString,
            ["Storage:Prefix"] = Prefix,
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = services.MailDev.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:WeComBaseUrl"] = receiver?.BaseUrl.ToString() ?? "http://127.0.0.1:9/",
            ["Notifications:DingTalkBaseUrl"] = receiver?.BaseUrl.ToString() ?? "http://127.0.0.1:9/",
        };
        if (allowLocalWebhooks)
        {
            settings["Notifications:WebhookAllowedHosts"] = "127.0.0.1";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection();
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(new RealTime(realTime ?? Time));
        collection.AddSafetyCertStorage(configuration);
        collection.AddNotifications(configuration);
        var provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<NotificationStorage>().CreateAsync(TestContext.Current.CancellationToken).GetAwaiter().GetResult();
        providers.Add(provider);
        return provider;
    }

    private static readonly string[] DateFacts =
        ["deadline", "lastValidDay", "expiredFrom", "receivedOn", "issuedOn", "revokedOn", "mayApplyFrom", "forwardedOn", "provisionalFrom", "accidentOn"];

    /// <summary>The renderer as the app builds it, over the embedded regions and source documents.</summary>
    public static NoticeRenderer NewRenderer() =>
        new(new NoticeVocabulary(SafetyCert.Domain.Regions.RegionCatalog.Embedded), new RuleCitation(SafetyCert.Domain.Profiles.SourceDocuments.Embedded));

    public static Notify Notice(string kind, NoticeClass noticeClass, LocalDate due, Party recipient = Party.Enterprise, params (string Key, string Value)[] facts)
    {
        var all = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, facts.Select(f => KeyValuePair.Create(f.Key, f.Value)));
        if (!all.ContainsKey("enterpriseId"))
        {
            all = all.Add("enterpriseId", "e-1001");
        }

        // A workflow states the dates a template shows as facts; a test notice about one date uses it for all of them.
        var date = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var name in DateFacts)
        {
            if (!all.ContainsKey(name))
            {
                all = all.Add(name, name == "expiredFrom" ? due.PlusDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : date);
            }
        }

        return new Notify(kind, recipient, due, noticeClass, "RULES.md §6 [002 §2(3)]", all);
    }

    public static NotificationRequest Request(Notify notice, string instanceId = "cert-1", long sequence = 7) =>
        new(WorkflowKinds.Certificate, instanceId, sequence, notice);

    /// <summary>Messages MailDev received for one address, polling briefly because MailDev stores them asynchronously.</summary>
    public async Task<IReadOnlyList<JsonElement>> MailForAsync(string address, int expectAtLeast)
    {
        IReadOnlyList<JsonElement> mine = [];
        for (var i = 0; i < 50; i++)
        {
            mine = [.. (await services.MailDev.GetEmailsAsync()).Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == address))];
            if (mine.Count >= expectAtLeast)
            {
                break;
            }

            await Task.Delay(100);
        }

        // A little longer, so a second copy arriving late would still be counted.
        await Task.Delay(300);
        return [.. (await services.MailDev.GetEmailsAsync()).Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString() == address))];
    }

    public async Task<int> QueuedMessagesAsync()
    {
        var queue = new QueueClient(services.Azurite.ConnectionString, $"{Prefix}notifications");
        return (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
    }

    public async Task<IReadOnlyList<Delivery>> AllDeliveriesAsync(string instanceId = "cert-1")
    {
        var rows = new List<Delivery>();
        await foreach (var d in Ledger.ForInstanceAsync(WorkflowKinds.Certificate, instanceId, default))
        {
            rows.Add(d);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }
}
