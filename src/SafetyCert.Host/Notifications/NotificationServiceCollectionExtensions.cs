using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafetyCert.Host.Notifications.Channels;
using SafetyCert.Host.Notifications.Contacts;
using SafetyCert.Host.Notifications.Digest;
using SafetyCert.Host.Notifications.Ledger;

namespace SafetyCert.Host.Notifications;

internal static class NotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers the notification module from the section <c>Notifications</c> (validated on start). The storage
    /// connection string falls back to <c>AzureWebJobsStorage</c>. Tables and the queue are created on first use.
    /// A <see cref="TimeProvider"/> registered before this call (a fake one in tests) is kept.
    /// </summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>()
            .Bind(configuration.GetSection(NotificationOptions.Section))
            .PostConfigure(o =>
            {
                if (string.IsNullOrWhiteSpace(o.StorageConnectionString))
                {
                    o.StorageConnectionString = configuration["AzureWebJobsStorage"] ?? "";
                }
            })
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(sp => new ContactBook(Table(sp, "contacts")));
        services.AddSingleton(sp => new DeliveryLedger(Table(sp, "deliveries")));
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<NotificationOptions>>().Value;
            var queue = new QueueClient(o.StorageConnectionString, $"{o.Prefix}notifications");
            queue.CreateIfNotExists();
            return new NotificationQueue(queue);
        });
        services.AddSingleton(sp => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = sp.GetRequiredService<IOptions<NotificationOptions>>().Value.HttpTimeout,
        });

        services.AddSingleton<INotificationChannel, EmailChannel>();
        services.AddSingleton<INotificationChannel, WebhookChannel>();
        services.AddSingleton<INotificationChannel, WeComChannel>();
        services.AddSingleton<INotificationChannel, DingTalkChannel>();
        services.AddSingleton<SlidingWindowLimiter>();
        services.AddSingleton<NoticeRenderer>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<INotificationOutbox>(sp => sp.GetRequiredService<NotificationOutbox>());
        services.AddSingleton<NotificationSender>();
        services.AddSingleton<DeliveryStatusQuery>();
        services.AddSingleton<NotificationQueueFunction>();
        services.AddSingleton<NotificationCatchUpFunction>();
        services.AddSingleton<DailyDigestFunction>();
        return services;
    }

    private static TableClient Table(IServiceProvider services, string name)
    {
        var o = services.GetRequiredService<IOptions<NotificationOptions>>().Value;
        var table = new TableClient(o.StorageConnectionString, $"{o.Prefix}{name}");
        table.CreateIfNotExists();
        return table;
    }
}
