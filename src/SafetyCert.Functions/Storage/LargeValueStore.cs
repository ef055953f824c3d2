using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace SafetyCert.Functions.Storage;

/// <summary>
/// Keeps long strings (state and event JSON) within Table limits. Up to <see cref="InlineLimit"/> characters
/// are split over properties <c>Name</c>, <c>Name_1</c>, … of at most 32,000 characters (64 KiB each, the
/// string property limit); anything longer goes to a blob named by its SHA-256, so writing it twice is
/// harmless and a transaction that fails leaves at most an unreferenced blob.
/// </summary>
public sealed class LargeValueStore
{
    /// <summary>The most characters one string property holds.</summary>
    public const int ChunkLength = 32_000;

    /// <summary>The longest value kept in the entity itself (four chunks, 256 KiB).</summary>
    public const int InlineLimit = 4 * ChunkLength;

    private const string BlobSuffix = "_Blob";
    private readonly StorageAccount account;
    private readonly string containerName;

    public LargeValueStore(StorageAccount account, string containerName)
    {
        this.account = account;
        this.containerName = containerName;
    }

    /// <summary>Puts <paramref name="value"/> on <paramref name="entity"/> under <paramref name="name"/>, spilling to a blob when longer than <paramref name="inlineLimit"/>.</summary>
    public async Task WriteAsync(TableEntity entity, string name, string value, int inlineLimit = InlineLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > inlineLimit)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            var blobName = Convert.ToHexStringLower(SHA256.HashData(bytes));
            var container = await account.ContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
            try
            {
                await container.GetBlobClient(blobName).UploadAsync(new BinaryData(bytes), overwrite: true, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e)
            {
                throw Table.Translate(e, $"write blob {blobName}");
            }

            entity[name + BlobSuffix] = blobName;
            return;
        }

        for (int offset = 0, part = 0; offset < value.Length || part == 0; offset += ChunkLength, part++)
        {
            entity[part == 0 ? name : $"{name}_{part}"] = value.Substring(offset, Math.Min(ChunkLength, value.Length - offset));
        }
    }

    /// <summary>Reads a value written by <see cref="WriteAsync"/>; null when the entity has none.</summary>
    public async Task<string?> ReadAsync(TableEntity entity, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (entity.GetString(name + BlobSuffix) is { } blobName)
        {
            var container = await account.ContainerAsync(containerName, cancellationToken).ConfigureAwait(false);
            try
            {
                var content = await container.GetBlobClient(blobName).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                return content.Value.Content.ToString();
            }
            catch (RequestFailedException e)
            {
                throw Table.Translate(e, $"read blob {blobName}");
            }
        }

        if (entity.GetString(name) is not { } first)
        {
            return null;
        }

        if (!entity.ContainsKey($"{name}_1"))
        {
            return first;
        }

        var text = new StringBuilder(first);
        for (var part = 1; entity.GetString($"{name}_{part}") is { } next; part++)
        {
            text.Append(next);
        }

        return text.ToString();
    }
}
