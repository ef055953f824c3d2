using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// The tables and queue of the notification module, created when the host starts rather than when a service
/// is first resolved, so commands that only read the function catalog need no storage.
/// </summary>
internal sealed class NotificationStorage(TableServiceClient tables, QueueServiceClient queues, IOptions<StorageOptions> storage, string? queueName) : IHostedService
{
    public const string ContactsTable = "contacts";
    public const string DeliveriesTable = "deliveries";

    public TableClient Table(string name) => tables.GetTableClient($"{storage.Value.Prefix}{name}");

    /// <summary>The queue the sender's trigger reads: the app setting <c>NotificationQueueName</c>, else <c>{prefix}notifications</c>.</summary>
    public QueueClient Queue => queues.GetQueueClient(queueName is { Length: > 0 } name ? name : $"{storage.Value.Prefix}notifications");

    public async Task CreateAsync(CancellationToken cancellationToken)
    {
        await Table(ContactsTable).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Table(DeliveriesTable).CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => CreateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
