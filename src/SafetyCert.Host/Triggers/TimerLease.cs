using Azure;
using Azure.Storage.Blobs.Specialized;

namespace SafetyCert.Host.Triggers;

/// <summary>A held timer lock: renewed well before it lapses while the function runs, released on dispose.</summary>
internal sealed class TimerLease : IAsyncDisposable
{
    private static readonly TimeSpan RenewEvery = TimerStatusStore.LeaseDuration / 3;

    private readonly BlobLeaseClient lease;
    private readonly string functionName;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;

    public TimerLease(BlobLeaseClient lease, string functionName, TimeProvider time, ILogger logger)
    {
        this.lease = lease;
        this.functionName = functionName;
        this.logger = logger;
        renewing = RenewAsync(time, stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
        try
        {
            await lease.ReleaseAsync();
        }
        catch (RequestFailedException e)
        {
            // The lease lapses on its own within a minute; the next occurrence is not blocked for longer.
            TriggerLog.LeaseReleaseFailed(logger, functionName, e);
        }
    }

    private async Task RenewAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RenewEvery, time, cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (RequestFailedException e)
            {
                TriggerLog.LeaseRenewFailed(logger, functionName, e);
            }
        }
    }
}
