using Azure.Storage.Blobs.Specialized;

namespace SafetyCert.Host.Local;

/// <summary>A held timer lock: renewed well before it lapses while the function runs, released on dispose.</summary>
internal sealed class TimerLease : IAsyncDisposable
{
    private static readonly TimeSpan RenewEvery = TimerStatusStore.LeaseDuration / 3;

    private readonly BlobLeaseClient lease;
    private readonly string functionName;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;

    public TimerLease(BlobLeaseClient lease, string functionName, ILogger logger)
    {
        this.lease = lease;
        this.functionName = functionName;
        this.logger = logger;
        renewing = RenewAsync(stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
        try
        {
            // Bounded, so a stalled storage account cannot hold up a stopping host; the lease lapses on its own.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await lease.ReleaseAsync(cancellationToken: timeout.Token);
        }
#pragma warning disable CA1031 // Any failure leaves a lease that lapses within a minute; the next occurrence is not blocked longer.
        catch (Exception e)
#pragma warning restore CA1031
        {
            TimerLog.LeaseReleaseFailed(logger, functionName, e);
        }
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                // Real time, not the development clock: the lease lapses on the storage account's clock.
                await Task.Delay(RenewEvery, TimeProvider.System, cancellationToken);
                await lease.RenewAsync(cancellationToken: cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed renewal is retried at the next turn; the run itself goes on.
            catch (Exception e)
#pragma warning restore CA1031
            {
                TimerLog.LeaseRenewFailed(logger, functionName, e);
            }
        }
    }
}
