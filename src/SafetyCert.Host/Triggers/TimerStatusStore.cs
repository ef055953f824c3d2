using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>
/// Each timer's <c>{FunctionName}/status.json</c> (Azure Functions' Last/Next/LastUpdated) and the
/// <c>{FunctionName}/lock</c> blob whose lease lets one host at a time run the function.
/// </summary>
internal sealed class TimerStatusStore(BlobContainerClient container, TimeProvider time, ILogger logger)
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public string ContainerName => container.Name;

    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<ScheduleStatus?> ReadAsync(string functionName, CancellationToken cancellationToken)
    {
        BinaryData content;
        try
        {
            content = (await container.GetBlobClient(StatusBlob(functionName)).DownloadContentAsync(cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        try
        {
            return content.ToObjectFromJson<ScheduleStatus>()
                ?? throw new InvalidDataException($"Timer status {container.Name}/{StatusBlob(functionName)} is null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"Timer status {container.Name}/{StatusBlob(functionName)} is not {{\"Last\",\"Next\",\"LastUpdated\"}}: {e.Message}", e);
        }
    }

    public Task WriteAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken) =>
        container.GetBlobClient(StatusBlob(functionName)).UploadAsync(Serialize(status), overwrite: true, cancellationToken);

    /// <summary>Writes the first status unless another host already did.</summary>
    public async Task CreateIfAbsentAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(StatusBlob(functionName)).UploadAsync(
                Serialize(status),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another host wrote it first; its status is as good as ours.
        }
    }

    /// <summary>The function's lease, renewed until disposed; null when another host holds it.</summary>
    public async Task<TimerLease?> TryAcquireAsync(string functionName, CancellationToken cancellationToken)
    {
        var lockBlob = container.GetBlobClient($"{functionName}/lock");
        try
        {
            await lockBlob.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lock blob exists (and may be leased right now): that is the normal case.
        }

        var lease = lockBlob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }

        return new TimerLease(lease, functionName, time, logger);
    }

    private static string StatusBlob(string functionName) => $"{functionName}/status.json";

    private static BinaryData Serialize(ScheduleStatus status) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(status));
}
