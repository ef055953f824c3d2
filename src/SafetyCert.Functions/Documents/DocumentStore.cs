using System.Buffers;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Azure.Storage.Sas;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Access;

namespace SafetyCert.Functions.Documents;

/// <summary>
/// Documents in Blob storage, one container per kind. A blob is named by the SHA-256 of its content and
/// written once (<c>If-None-Match: *</c>), so it can never be replaced, and owners who upload the same bytes
/// share it. Each owner's documents are rows of table <c>documents</c> (PartitionKey the owner, RowKey the
/// document id). Content is read to its end, hashed, counted and checked before anything is written; the
/// blob is written before its row, so a row always points at complete content.
/// </summary>
public sealed partial class DocumentStore(StorageAccount storage, IOptions<DocumentOptions> options, TimeProvider time, LinkClock links, ILogger<DocumentStore> logger)
{
    public const string TableName = "documents";

    private const int BufferSize = 80 * 1024;

    // Azure may be a few minutes ahead of this machine; a key that starts now could be refused as not yet valid.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Stores <paramref name="content"/> as a document of <paramref name="kind"/> for an enterprise. Uploading the
    /// same bytes of the same kind again for the same owner returns the existing document (<see cref="DocumentUpload.Created"/>
    /// false) and writes nothing. Throws <see cref="DocumentRejectedException"/>, with nothing written, when the kind is
    /// unknown, the media type not allowed, the content empty, larger than the kind's limit, or not of the declared type.
    /// </summary>
    public async Task<DocumentUpload> UploadAsync(
        string kind,
        string ownerEnterpriseId,
        string regionCode,
        Caller uploadedBy,
        string? fileName,
        string? mediaType,
        Stream content,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerEnterpriseId);
        ArgumentException.ThrowIfNullOrEmpty(regionCode);
        ArgumentNullException.ThrowIfNull(uploadedBy);
        ArgumentNullException.ThrowIfNull(content);
        var owner = TableKey.Escape(ownerEnterpriseId);

        Checked checkedContent;
        try
        {
            if (!DocumentKinds.IsKnown(kind))
            {
                throw new DocumentRejectedException(
                    DocumentRejection.UnknownKind, $"Document kind '{kind}' is unknown; it is one of {string.Join(", ", DocumentKinds.All)}.");
            }

            var allowed = DocumentMediaTypes.Allowed(mediaType) ?? throw new DocumentRejectedException(
                DocumentRejection.MediaTypeNotAllowed,
                $"Media type '{mediaType}' is not accepted; a document is one of {string.Join(", ", DocumentMediaTypes.All)}.");
            checkedContent = await CheckAsync(content, allowed, options.Value.MaxBytesFor(kind), cancellationToken).ConfigureAwait(false);
        }
        catch (DocumentRejectedException e)
        {
            DocumentsLog.Rejected(logger, kind, ownerEnterpriseId, uploadedBy.Subject, e.Reason, e.Message);
            throw;
        }

        try
        {
            await StoreBlobAsync(kind, checkedContent, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (checkedContent.OwnsSource)
            {
                await checkedContent.Source.DisposeAsync().ConfigureAwait(false);
            }
        }

        var sha256 = checkedContent.Sha256;
        var document = new Document(
            DocumentId(kind, sha256),
            ownerEnterpriseId,
            kind,
            sha256,
            checkedContent.Size,
            checkedContent.MediaType,
            DocumentFileName.Sanitize(fileName, kind, sha256, checkedContent.MediaType),
            uploadedBy.Subject,
            uploadedBy.Role,
            time.GetUtcNow(),
            regionCode);
        var table = await storage.TableAsync(TableName, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddAsync(ToEntity(owner, document), cancellationToken).ConfigureAwait(false);
            DocumentsLog.Recorded(logger, document.Id, ownerEnterpriseId, uploadedBy.Subject);
            return new DocumentUpload(document, Created: true);
        }
        catch (StorageConflictException)
        {
            // The first upload's row stands: its name, uploader and time describe when the document was filed.
            DocumentsLog.AlreadyRecorded(logger, document.Id, ownerEnterpriseId, uploadedBy.Subject);
            var existing = await GetAsync(ownerEnterpriseId, document.Id, cancellationToken).ConfigureAwait(false)
                ?? throw new StorageRequestException($"Document {document.Id} of {ownerEnterpriseId} conflicted on insert but cannot be read.");
            return new DocumentUpload(existing, Created: false);
        }
    }

    /// <summary>One document of an owner, or null when the owner has none with that id.</summary>
    public async Task<Document?> GetAsync(string ownerEnterpriseId, string documentId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerEnterpriseId);
        if (documentId is null || !DocumentIdPattern().IsMatch(documentId))
        {
            return null;
        }

        var table = await storage.TableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetAsync(TableKey.Escape(ownerEnterpriseId), documentId, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>An owner's documents, of one kind when <paramref name="kind"/> is given, oldest first.</summary>
    public async Task<IReadOnlyList<Document>> ListAsync(string ownerEnterpriseId, string? kind, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(ownerEnterpriseId);
        var owner = TableKey.Escape(ownerEnterpriseId);
        var filter = kind is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {owner}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {owner} and Kind eq {kind}");
        var table = await storage.TableAsync(TableName, cancellationToken).ConfigureAwait(false);
        var documents = new List<Document>();
        await foreach (var entity in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            documents.Add(FromEntity(entity));
        }

        return [.. documents.OrderBy(d => d.UploadedAt).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A read-only link to the document's blob for <see cref="DocumentOptions.LinkLifetime"/> of real time (<see cref="LinkClock"/>), which makes the
    /// browser save it under the document's file name and media type. Signed with the account key when the
    /// client has one (Azurite, connection strings), otherwise with a user delegation key (managed identity).
    /// </summary>
    public async Task<DocumentLink> DownloadLinkAsync(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var now = links.Time.GetUtcNow();
        var expiresOn = now + options.Value.LinkLifetime;
        var container = await storage.ContainerAsync(document.Kind, cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(document.Sha256);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresOn)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
            ContentType = document.MediaType,
            ContentDisposition = Disposition(document.FileName),
        };

        Uri uri;
        string signature;
        if (blob.CanGenerateSasUri)
        {
            uri = blob.GenerateSasUri(sas);
            signature = "account key";
        }
        else
        {
            var service = container.GetParentBlobServiceClient();
            try
            {
                var key = await service.GetUserDelegationKeyAsync(now - ClockSkew, expiresOn, cancellationToken).ConfigureAwait(false);
                uri = new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, service.AccountName) }.ToUri();
            }
            catch (RequestFailedException e)
            {
                throw new StorageRequestException($"Storage refused a user delegation key: {e.Status} {e.ErrorCode}.", e.Status, e.ErrorCode, e);
            }

            signature = "user delegation key";
        }

        DocumentsLog.LinkIssued(logger, document.Id, document.OwnerEnterpriseId, signature, expiresOn);
        return new DocumentLink(uri, expiresOn);
    }

    /// <summary>The id of the document holding content with hash <paramref name="sha256"/> of a kind.</summary>
    public static string DocumentId(string kind, string sha256)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(sha256);
        return $"{kind}-{sha256[..32]}";
    }

    private static string Disposition(string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        return disposition.ToString();
    }

    /// <summary>
    /// Reads the content to its end, hashing, counting and checking the leading bytes, and stops at the first
    /// byte past the limit. A seekable stream is rewound and uploaded as is; any other is kept in a temporary
    /// file, because the blob's name is only known once the last byte has been hashed.
    /// </summary>
    private static async Task<Checked> CheckAsync(Stream content, string mediaType, long limit, CancellationToken cancellationToken)
    {
        var start = content.CanSeek ? content.Position : 0;
        Stream? copy = content.CanSeek ? null : new FileStream(
            Path.Combine(Path.GetTempPath(), Path.GetRandomFileName()),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            BufferSize,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[DocumentMediaTypes.SignatureLength];
            var headLength = 0;
            long size = 0;
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken).ConfigureAwait(false)) > 0)
            {
                size += read;
                if (size > limit)
                {
                    throw new DocumentRejectedException(
                        DocumentRejection.TooLarge, $"The document is larger than {limit} bytes, the limit for its kind.");
                }

                if (headLength < head.Length)
                {
                    var take = Math.Min(read, head.Length - headLength);
                    buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                    headLength += take;
                }

                hash.AppendData(buffer, 0, read);
                if (copy is not null)
                {
                    await copy.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            if (size == 0)
            {
                throw new DocumentRejectedException(DocumentRejection.Empty, "The document is empty.");
            }

            if (!DocumentMediaTypes.Matches(mediaType, head.AsSpan(0, headLength)))
            {
                throw new DocumentRejectedException(
                    DocumentRejection.ContentContradictsMediaType, $"The content does not start like {mediaType}, the declared media type.");
            }

            var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            if (copy is null)
            {
                content.Position = start;
                return new Checked(content, OwnsSource: false, sha256, size, mediaType);
            }

            copy.Position = 0;
            var owned = new Checked(copy, OwnsSource: true, sha256, size, mediaType);
            copy = null;
            return owned;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (copy is not null)
            {
                await copy.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task StoreBlobAsync(string kind, Checked content, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(kind, cancellationToken).ConfigureAwait(false);
        var blob = container.GetBlobClient(content.Sha256);
        try
        {
            if (await blob.ExistsAsync(cancellationToken).ConfigureAwait(false))
            {
                DocumentsLog.AlreadyStored(logger, kind, content.Sha256);
                return;
            }

            // One Put Blob (or blocks committed at the end): the blob appears whole or not at all, and
            // If-None-Match keeps a racing upload of the same content from replacing it.
            await blob.UploadAsync(
                content.Source,
                new BlobUploadOptions
                {
                    HttpHeaders = new BlobHttpHeaders { ContentType = content.MediaType },
                    Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["sha256"] = content.Sha256 },
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken).ConfigureAwait(false);
            DocumentsLog.Stored(logger, kind, content.Sha256, content.Size);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            DocumentsLog.AlreadyStored(logger, kind, content.Sha256);
        }
        catch (RequestFailedException e)
        {
            throw new StorageRequestException($"Storage refused to write blob {content.Sha256} of {kind}: {e.Status} {e.ErrorCode}.", e.Status, e.ErrorCode, e);
        }
    }

    private static TableEntity ToEntity(string partitionKey, Document document) => new(partitionKey, document.Id)
    {
        ["Owner"] = document.OwnerEnterpriseId,
        ["Kind"] = document.Kind,
        ["Sha256"] = document.Sha256,
        ["Size"] = document.Size,
        ["MediaType"] = document.MediaType,
        ["FileName"] = document.FileName,
        ["UploadedBy"] = document.UploadedBy,
        ["UploadedByRole"] = document.UploadedByRole.ToString(),
        ["UploadedAt"] = document.UploadedAt,
        ["RegionCode"] = document.RegionCode,
    };

    private static Document FromEntity(TableEntity entity) => new(
        entity.RowKey,
        Required(entity, "Owner"),
        Required(entity, "Kind"),
        Required(entity, "Sha256"),
        entity.GetInt64("Size") ?? 0,
        Required(entity, "MediaType"),
        Required(entity, "FileName"),
        Required(entity, "UploadedBy"),
        Enum.Parse<Party>(Required(entity, "UploadedByRole")),
        entity.GetDateTimeOffset("UploadedAt") ?? default,
        Required(entity, "RegionCode"));

    private static string Required(TableEntity entity, string name) =>
        entity.GetString(name) ?? throw new InvalidDataException($"Document row {entity.PartitionKey}/{entity.RowKey} has no {name}.");

    [GeneratedRegex("^[a-z]+(-[a-z]+)*-[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex DocumentIdPattern();

    private sealed record Checked(Stream Source, bool OwnsSource, string Sha256, long Size, string MediaType);
}
