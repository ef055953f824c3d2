using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Host.Local;

/// <summary>
/// Each timer's schedule status (Functions' Last/Next/LastUpdated, as its schedule monitor keeps it) in
/// <c>{prefix}timers/{function}/status</c>, and the <c>{prefix}timers/{function}/lock</c> blob whose lease lets one host
/// at a time run the function.
/// </summary>
internal sealed class TimerStatusStore(BlobContainerClient container, string prefix, ILogger logger)
{
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(60);

    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <summary>The stored status; <see langword="null"/> when there is none yet.</summary>
    /// <exception cref="InvalidDataException">The blob does not hold a status.</exception>
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
            return content.ToObjectFromJson<ScheduleStatus>() ?? throw new InvalidDataException($"{StatusBlob(functionName)} holds null.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{StatusBlob(functionName)} is not {{\"Last\",\"Next\",\"LastUpdated\"}}: {e.Message}", e);
        }
    }

    public Task WriteAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken) =>
        container.GetBlobClient(StatusBlob(functionName)).UploadAsync(BinaryData.FromObjectAsJson(status), overwrite: true, cancellationToken);

    /// <summary>Writes the first status unless another host already did.</summary>
    public async Task CreateIfAbsentAsync(string functionName, ScheduleStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await container.GetBlobClient(StatusBlob(functionName)).UploadAsync(
                BinaryData.FromObjectAsJson(status),
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // Another host wrote it first; its status is as good as ours.
        }
    }

    /// <summary>The function's lock, renewed until disposed; <see langword="null"/> while another host holds it.</summary>
    public async Task<TimerLease?> TryAcquireAsync(string functionName, CancellationToken cancellationToken)
    {
        var lockBlob = container.GetBlobClient($"{prefix}timers/{functionName}/lock");
        try
        {
            await lockBlob.UploadAsync(
                BinaryData.Empty,
                new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lock blob exists, and may be leased right now: the usual case.
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

        return new TimerLease(lease, functionName, logger);
    }

    private string StatusBlob(string functionName) => $"{prefix}timers/{functionName}/status";
}
