using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace SafetyCert.Host.Tests.Attacks;

/// <summary>
/// How many rows each table, messages each queue and blobs each container under a storage prefix hold: the app's
/// tables, queues and containers and Durable's task hub alike. Two snapshots differ when anything was written.
/// </summary>
internal sealed record StorageSnapshot(IReadOnlyDictionary<string, int> Counts)
{
    public static async Task<StorageSnapshot> TakeAsync(string connectionString, string prefix, CancellationToken ct)
    {
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: ct))
        {
            if (!table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var rows = 0;
            await foreach (var _ in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: ct))
            {
                rows++;
            }

            Add(counts, $"table {table.Name}", rows);
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant(), cancellationToken: ct))
        {
            var properties = await queues.GetQueueClient(queue.Name).GetPropertiesAsync(ct);
            Add(counts, $"queue {queue.Name}", properties.Value.ApproximateMessagesCount);
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(prefix: prefix.ToLowerInvariant(), cancellationToken: ct))
        {
            var count = 0;
            await foreach (var _ in blobs.GetBlobContainerClient(container.Name).GetBlobsAsync(cancellationToken: ct))
            {
                count++;
            }

            Add(counts, $"container {container.Name}", count);
        }

        return new StorageSnapshot(counts);
    }

    /// <summary>What changed from <paramref name="before"/> to this snapshot, one line per table, queue or container.</summary>
    public IReadOnlyList<string> ChangesSince(StorageSnapshot before) =>
        [.. Counts.Keys.Union(before.Counts.Keys)
            .Where(name => Counts.GetValueOrDefault(name) != before.Counts.GetValueOrDefault(name))
            .Select(name => $"{name}: {before.Counts.GetValueOrDefault(name)} -> {Counts.GetValueOrDefault(name)}")];

    // An empty table, queue or container counts as none: creating one on first use writes no data.
    private static void Add(SortedDictionary<string, int> counts, string name, int count)
    {
        if (count > 0)
        {
            counts[name] = count;
        }
    }
}
