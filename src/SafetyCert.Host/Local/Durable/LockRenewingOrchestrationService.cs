using System.Collections.Concurrent;
using DurableTask.Core;

namespace SafetyCert.Host.Local;

/// <summary>
/// Keeps the queue messages of every work item in progress hidden until it completes, as the Durable Task Framework's
/// own dispatchers do and the in-process sidecar's do not. Without it a short visibility timeout, which is what lets a
/// restarted host pick up a crashed host's work within seconds, would also hand an activity that runs longer (or sits
/// at a breakpoint) to a second execution while the first is still running.
/// </summary>
internal sealed class LockRenewingOrchestrationService(
    IOrchestrationService inner, TimeSpan controlQueueVisibilityTimeout, TimeSpan workItemQueueVisibilityTimeout, ILogger logger)
    : IOrchestrationService, IDisposable
{
    private readonly ConcurrentDictionary<object, LockRenewal> renewals = new(ReferenceEqualityComparer.Instance);
    private readonly CancellationTokenSource stopping = new();

    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;

    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;

    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;

    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;

    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;

    private int started;
    private int stopped;

    public async Task StartAsync()
    {
        await inner.StartAsync();
        Interlocked.Exchange(ref started, 1);
    }

    public Task StopAsync() => StopAsync(isForced: false);

    // Renewals end first, so what this host still holds reappears after one visibility timeout. The sidecar stops the
    // service again once its last work item ends, possibly after this object was disposed, and from a callback where an
    // exception would end the process: only the first stop of a started service reaches the backend.
    public async Task StopAsync(bool isForced)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await stopping.CancelAsync();
            if (Volatile.Read(ref started) == 1)
            {
                await inner.StopAsync(isForced);
            }
        }
#pragma warning disable CA1031 // Called from the sidecar's fire-and-forget stop: anything thrown here would end the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LocalDurableLog.StopFailed(logger, e);
        }
    }

    public void Dispose() => stopping.Dispose();

    public Task CreateAsync() => inner.CreateAsync();

    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);

    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();

    public Task DeleteAsync() => inner.DeleteAsync();

    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);

    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) =>
        inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);

    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);

    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);

    public async Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            Track(workItem, workItem.InstanceId, controlQueueVisibilityTimeout, () => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem));
        }

        return workItem!;
    }

    // The sidecar renews too (between generations of a ContinueAsNew); one renewal at a time per work item.
    public async Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem)
    {
        if (renewals.TryGetValue(workItem, out var renewal))
        {
            await renewal.RenewNowAsync();
        }
        else
        {
            await inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
        }
    }

    public async Task CompleteTaskOrchestrationWorkItemAsync(
        TaskOrchestrationWorkItem workItem,
        OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages,
        IList<TaskMessage> orchestratorMessages,
        IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage,
        OrchestrationState orchestrationState)
    {
        await EndRenewalAsync(workItem);
        await inner.CompleteTaskOrchestrationWorkItemAsync(
            workItem, newOrchestrationRuntimeState, outboundMessages, orchestratorMessages, timerMessages, continuedAsNewMessage, orchestrationState);
    }

    public async Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        await EndRenewalAsync(workItem);
        await inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem)
    {
        await EndRenewalAsync(workItem);
        await inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    }

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null)
        {
            Track(workItem, workItem.Id, workItemQueueVisibilityTimeout, () => inner.RenewTaskActivityWorkItemLockAsync(workItem));
        }

        return workItem!;
    }

    public async Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem)
    {
        if (renewals.TryGetValue(workItem, out var renewal))
        {
            await renewal.RenewNowAsync();
            return workItem;
        }

        return await inner.RenewTaskActivityWorkItemLockAsync(workItem);
    }

    public async Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage)
    {
        await EndRenewalAsync(workItem);
        await inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage);
    }

    public async Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem)
    {
        await EndRenewalAsync(workItem);
        await inner.AbandonTaskActivityWorkItemAsync(workItem);
    }

    private void Track(object workItem, string id, TimeSpan visibilityTimeout, Func<Task> renew)
    {
        var renewal = new LockRenewal(id, visibilityTimeout, renew, logger, stopping.Token);
        renewals[workItem] = renewal;
        renewal.Start();
    }

    private async Task EndRenewalAsync(object workItem)
    {
        if (renewals.TryRemove(workItem, out var renewal))
        {
            await renewal.DisposeAsync();
        }
    }
}
