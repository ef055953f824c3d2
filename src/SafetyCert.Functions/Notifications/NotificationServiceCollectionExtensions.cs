using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Regions;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;
using SafetyCert.Functions.RateLimiting;

namespace SafetyCert.Functions.Notifications;

internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the notification module from the section <c>Notifications</c> (validated on start), over the
    /// storage clients of <c>AddSafetyCertStorage</c> and its prefix. Tables and the queue are created when the host starts (<see cref="NotificationStorage"/>).
    /// A <see cref="TimeProvider"/> registered before this call (a fake one in tests) is kept.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new RealTime(TimeProvider.System));

        // The calendar with the stored holiday years when the workflows registered it (the last registration wins).
        services.TryAddSingleton(WorkingDayCalendar.China);
        services.AddSingleton<WorkingHours>();

        services.AddSingleton(sp => new NotificationStorage(
            sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(),
            sp.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>(),
            sp.GetRequiredService<IOptions<SafetyCert.Functions.Storage.StorageOptions>>(),
            configuration[NotificationQueueFunction.QueueSetting]));
        services.AddHostedService(sp => sp.GetRequiredService<NotificationStorage>());
        services.AddSingleton(sp => new ContactBook(sp.GetRequiredService<NotificationStorage>().Table(NotificationStorage.ContactsTable), sp.GetRequiredService<WebhookTargetGuard>()));
        services.AddSingleton(sp => new DeliveryLedger(sp.GetRequiredService<NotificationStorage>().Table(NotificationStorage.DeliveriesTable)));
        services.AddSingleton(sp => new NotificationQueue(sp.GetRequiredService<NotificationStorage>().Queue));
        services.AddSingleton(sp => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false })
        {
            Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.HttpTimeout,
        });
        services.AddSingleton<WebhookTargetGuard>();

        // Webhook URLs come from users: no proxy (it would connect in the guard's place), no redirects, checked addresses only.
        services.AddKeyedSingleton(WebhookChannel.HttpClientKey, (sp, _) => new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseProxy = false,
            ConnectCallback = sp.GetRequiredService<WebhookTargetGuard>().ConnectAsync,
        })
        {
            Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.HttpTimeout,
        });

        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, WeComChannel>();
        services.AddSingleton<INotificationChannel, DingTalkChannel>();
        // The vendors count real minutes per robot, whichever host sends: the window is on the wall clock, in storage.
        services.AddSingleton(sp => new SharedWindowRateLimiter(
            sp.GetRequiredService<SafetyCert.Functions.Storage.StorageAccount>(), "notice", TimeSpan.FromMinutes(1), sp.GetRequiredService<RealTime>().Provider));
        services.TryAddSingleton(RegionCatalog.Embedded);
        services.TryAddSingleton(SourceDocuments.Embedded);
        services.AddSingleton<NoticeVocabulary>();
        services.AddSingleton<RuleCitation>();
        services.AddSingleton<NoticeRenderer>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<NotificationOutbox>());
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<DeliveryStatusQuery>();
        return services;
    }
}
