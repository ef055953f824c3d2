namespace SafetyCert.Host.Local;

/// <summary>Renews one work item's lock every third of its visibility timeout until disposed.</summary>
internal sealed class LockRenewal(string workItemId, TimeSpan visibilityTimeout, Func<Task> renew, ILogger logger, CancellationToken stopping)
    : IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource ended = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    private Task loop = Task.CompletedTask;

    public void Start() => loop = RunAsync(ended.Token);

    public async Task RenewNowAsync()
    {
        await gate.WaitAsync();
        try
        {
            await renew();
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ended.CancelAsync();
        await loop;
        ended.Dispose();
        gate.Dispose();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var interval = visibilityTimeout / 3;
        while (true)
        {
            try
            {
                await Task.Delay(interval, cancellationToken);
                await RenewNowAsync();
                LocalDurableLog.LockRenewed(logger, workItemId);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A failed renewal is retried at the next tick; if the lock lapses meanwhile, the work runs again,
                // which Durable's at-least-once delivery allows anyway.
                LocalDurableLog.LockRenewalFailed(logger, e, workItemId);
            }
        }
    }
}
