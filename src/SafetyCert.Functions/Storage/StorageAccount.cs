using System.Collections.Concurrent;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SafetyCert.Functions.Storage;

/// <summary>
/// The storage account as the project sees it: tables, queues and blob containers by their short name,
/// prefixed with <see cref="StorageOptions.Prefix"/> and created on first use (once per process).
/// </summary>
public sealed class StorageAccount
{
    private readonly TableServiceClient tables;
    private readonly QueueServiceClient queues;
    private readonly BlobServiceClient blobs;
    private readonly ConcurrentDictionary<string, Lazy<Task<Table>>> tableCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> queueCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> containerCache = new(StringComparer.Ordinal);

    /// <summary>Wraps the registered service clients.</summary>
    public StorageAccount(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, string prefix)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(blobs);
        if (!StorageOptions.IsValidPrefix(prefix))
        {
            throw new ArgumentException($"Storage prefix '{prefix}' must be empty or 1-20 lowercase letters and digits starting with a letter.", nameof(prefix));
        }

        this.tables = tables;
        this.queues = queues;
        this.blobs = blobs;
        Prefix = prefix;
    }

    /// <summary>The prefix of every name.</summary>
    public string Prefix { get; }

    /// <summary>An account over a connection string, as tests and tools use it.</summary>
    public static StorageAccount FromConnectionString(string connectionString, string prefix) =>
        new(
            new TableServiceClient(connectionString),
            new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
            new BlobServiceClient(connectionString),
            prefix);

    /// <summary>The table <c>{prefix}{name}</c>, created if missing.</summary>
    public Task<Table> TableAsync(string name, CancellationToken cancellationToken = default) =>
        CachedAsync(tableCache, name, n => CreateTableAsync(Prefix + n, CancellationToken.None), cancellationToken);

    /// <summary>The queue <c>{prefix}{name}</c>, created if missing.</summary>
    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken = default) =>
        CachedAsync(queueCache, name, n => CreateQueueAsync(Prefix + n, CancellationToken.None), cancellationToken);

    /// <summary>The blob container <c>{prefix}{name}</c>, created if missing.</summary>
    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken = default) =>
        CachedAsync(containerCache, name, n => CreateContainerAsync(Prefix + n, CancellationToken.None), cancellationToken);

    /// <summary>Creates once per process; a creation that failed is forgotten so the next call tries again.</summary>
    private static async Task<T> CachedAsync<T>(
        ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create, CancellationToken cancellationToken)
    {
        var lazy = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is StorageRequestException or StorageConflictException)
        {
            cache.TryRemove(KeyValuePair.Create(name, lazy));
            throw;
        }
    }

    private async Task<Table> CreateTableAsync(string name, CancellationToken cancellationToken)
    {
        var client = tables.GetTableClient(name);
        try
        {
            await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e)
        {
            throw Table.Translate(e, $"create table {name}");
        }

        return new Table(client);
    }

    private async Task<QueueClient> CreateQueueAsync(string name, CancellationToken cancellationToken)
    {
        var client = queues.GetQueueClient(name);
        try
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e)
        {
            throw Table.Translate(e, $"create queue {name}");
        }

        return client;
    }

    private async Task<BlobContainerClient> CreateContainerAsync(string name, CancellationToken cancellationToken)
    {
        var client = blobs.GetBlobContainerClient(name);
        try
        {
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Azure.RequestFailedException e)
        {
            throw Table.Translate(e, $"create container {name}");
        }

        return client;
    }
}
