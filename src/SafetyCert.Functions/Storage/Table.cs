using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace SafetyCert.Functions.Storage;

/// <summary>
/// One table: the few operations the engine needs, each with its ETag rule spelled out, batches checked
/// against the entity-group transaction limits before they are sent, and Azure's errors translated into
/// <see cref="StorageConflictException"/> (a lost race) or <see cref="StorageRequestException"/> (anything else).
/// </summary>
public sealed class Table
{
    /// <summary>The most entities one entity-group transaction may hold.</summary>
    public const int MaxBatchEntities = 100;

    /// <summary>The largest payload one entity-group transaction may carry.</summary>
    public const long MaxBatchBytes = 4L * 1024 * 1024;

    /// <summary>The largest entity Azure stores.</summary>
    public const long MaxEntityBytes = 1024L * 1024;

    private readonly TableClient client;

    internal Table(TableClient client)
    {
        this.client = client;
    }

    /// <summary>The table's full (prefixed) name.</summary>
    public string Name => client.Name;

    /// <summary>Reads one entity, or null when there is none.</summary>
    public async Task<TableEntity?> GetAsync(string partitionKey, string rowKey, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await client.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return response.HasValue ? response.Value : null;
        }
        catch (RequestFailedException e)
        {
            throw Translate(e, $"read {partitionKey}/{rowKey}");
        }
    }

    /// <summary>Every entity matching an OData filter, page by page.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(
        string filter, int? maxPerPage = null, IEnumerable<string>? select = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var pages = client.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken).AsPages();
        await using var enumerator = pages.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            Page<TableEntity> page;
            try
            {
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }

                page = enumerator.Current;
            }
            catch (RequestFailedException e)
            {
                throw Translate(e, $"query '{filter}'");
            }

            foreach (var entity in page.Values)
            {
                yield return entity;
            }
        }
    }

    /// <summary>Inserts an entity that must not exist yet.</summary>
    public async Task<ETag> AddAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckEntity(entity);
        try
        {
            var response = await client.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e)
        {
            throw Translate(e, $"add {entity.PartitionKey}/{entity.RowKey}");
        }
    }

    /// <summary>Writes an entity whatever is there; for rows whose last writer may win.</summary>
    public async Task UpsertAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckEntity(entity);
        try
        {
            await client.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw Translate(e, $"upsert {entity.PartitionKey}/{entity.RowKey}");
        }
    }

    /// <summary>Replaces or merges an entity only if it still has <paramref name="etag"/>.</summary>
    public async Task<ETag> UpdateAsync(TableEntity entity, ETag etag, TableUpdateMode mode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        CheckEntity(entity);
        try
        {
            var response = await client.UpdateEntityAsync(entity, etag, mode, cancellationToken).ConfigureAwait(false);
            return response.Headers.ETag ?? default;
        }
        catch (RequestFailedException e)
        {
            throw Translate(e, $"update {entity.PartitionKey}/{entity.RowKey}");
        }
    }

    /// <summary>Deletes an entity (only if it still has <paramref name="etag"/>, when given); false when it was gone.</summary>
    public async Task<bool> DeleteAsync(string partitionKey, string rowKey, ETag etag = default, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await client.DeleteEntityAsync(partitionKey, rowKey, etag == default ? ETag.All : etag, cancellationToken).ConfigureAwait(false);
            return response.Status != 404;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
        catch (RequestFailedException e)
        {
            throw Translate(e, $"delete {partitionKey}/{rowKey}");
        }
    }

    /// <summary>
    /// Submits one entity-group transaction: all of it is stored or none. Checks the Azure limits first
    /// (see <see cref="CheckBatch"/>); a lost ETag race or an existing entity throws <see cref="StorageConflictException"/>.
    /// </summary>
    public async Task SubmitAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        CheckBatch(actions);
        try
        {
            await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw Translate(e, $"transaction of {actions.Count} on {actions[0].Entity.PartitionKey}");
        }
    }

    /// <summary>
    /// Throws <see cref="TableBatchLimitException"/> unless the batch has 1-100 actions, all in one partition,
    /// no row twice, and an estimated payload under 4 MiB with no entity over 1 MiB.
    /// </summary>
    public static void CheckBatch(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxBatchEntities)
        {
            throw new TableBatchLimitException($"A transaction holds 1-{MaxBatchEntities} entities; this one has {actions.Count}.");
        }

        var partition = actions[0].Entity.PartitionKey;
        var rows = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partition, StringComparison.Ordinal))
            {
                throw new TableBatchLimitException(
                    $"A transaction stays in one partition; '{partition}' and '{action.Entity.PartitionKey}' are mixed.");
            }

            if (!rows.Add(action.Entity.RowKey))
            {
                throw new TableBatchLimitException($"A transaction touches each row once; '{action.Entity.RowKey}' appears twice.");
            }

            bytes += CheckEntity(action.Entity);
        }

        if (bytes > MaxBatchBytes)
        {
            throw new TableBatchLimitException($"A transaction carries at most 4 MiB; this one is about {bytes / 1024} KiB.");
        }
    }

    /// <summary>Estimates an entity's stored size (UTF-16 strings, as Azure counts) and rejects one over 1 MiB.</summary>
    internal static long CheckEntity(ITableEntity entity)
    {
        long bytes = 4 + (2 * ((entity.PartitionKey?.Length ?? 0) + (entity.RowKey?.Length ?? 0)));
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += 8 + (2 * name.Length) + value switch
                {
                    string s => 4 + (2L * s.Length),
                    byte[] b => 4 + b.Length,
                    _ => 8,
                };
            }
        }

        if (bytes > MaxEntityBytes)
        {
            throw new TableBatchLimitException($"An entity holds at most 1 MiB; {entity.PartitionKey}/{entity.RowKey} is about {bytes / 1024} KiB.");
        }

        return bytes;
    }

    internal static Exception Translate(RequestFailedException e, string what) => e.Status switch
    {
        409 or 412 => new StorageConflictException($"Conflict on {what}: {e.ErrorCode}.", e),
        _ => new StorageRequestException($"Storage refused to {what}: {e.Status} {e.ErrorCode}.", e.Status, e.ErrorCode, e),
    };
}
