using System.Diagnostics;
using Azure;
using Azure.Storage.Queues;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// The queues that hold the hosts' pending work under one prefix: the task hub's control queues (orchestration messages,
/// activity results and durable timers), its work-item queue (activities) and the notification queue. A message counts
/// while it is hidden too (taken by a host, or held by a host that was killed), so empty queues mean nothing is left to do.
/// </summary>
/// <remarks>
/// One exception: an activity message whose lock lapsed while it ran (a starved host renewed it too late) is never
/// deleted. Its result reaches the orchestration, but Durable's Azure Storage provider then fails to delete the message
/// (the pop receipt changed) and keeps it marked as in progress for the life of the process, so it reappears every
/// visibility timeout and is refused each time ("being processed multiple times concurrently"). Such a message is work
/// nobody waits for: once the control and notification queues have stayed empty for longer than a few visibility
/// timeouts while the work-item count did not grow, the hosts are quiet.
/// </remarks>
internal sealed class WorkQueues(string connectionString, string prefix, int partitionCount = 4)
{
    /// <summary>Several 5-second visibility timeouts: a message of a killed host has come back and been handled by then.</summary>
    private static readonly TimeSpan StrandedAfter = TimeSpan.FromSeconds(20);

    private readonly QueueClient[] queues =
    [
        .. Enumerable.Range(0, partitionCount).Select(p => new QueueClient(connectionString, $"{prefix}hub-control-{p:D2}")),
        new QueueClient(connectionString, $"{prefix}notifications"),
    ];

    private readonly QueueClient workItems = new(connectionString, $"{prefix}hub-workitems");

    /// <summary>Activity messages left over at the last quiet point although nobody waited for them.</summary>
    public int Stranded { get; private set; }

    /// <summary>Waits until the hosts have nothing left to do; fails after <paramref name="timeout"/> with what is left.</summary>
    public async Task WaitUntilQuietAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var emptyPolls = 0;
        Stopwatch? onlyWorkItems = null;
        var workItemsThen = 0;
        var counts = new Dictionary<string, int>();
        while (true)
        {
            Assert.True(
                elapsed.Elapsed < timeout,
                $"Work still queued after {timeout.TotalSeconds:0} s: {string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"))}");
            await Task.Delay(300, cancellationToken);
            counts = await CountsAsync(cancellationToken);
            var activities = counts[workItems.Name];
            var orchestrating = counts.Where(c => c.Key != workItems.Name).Sum(c => c.Value);
            emptyPolls = orchestrating + activities == 0 ? emptyPolls + 1 : 0;
            if (emptyPolls >= 3)
            {
                Stranded = 0;
                return;
            }

            if (orchestrating > 0 || (onlyWorkItems is not null && activities > workItemsThen))
            {
                onlyWorkItems = null;
            }
            else if (onlyWorkItems is null)
            {
                onlyWorkItems = Stopwatch.StartNew();
                workItemsThen = activities;
            }
            else if (onlyWorkItems.Elapsed > StrandedAfter)
            {
                Stranded = activities;
                return;
            }
        }
    }

    /// <summary>Messages in all the queues together.</summary>
    public async Task<int> PendingAsync(CancellationToken cancellationToken) => (await CountsAsync(cancellationToken)).Values.Sum();

    private async Task<Dictionary<string, int>> CountsAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var queue in queues.Append(workItems))
        {
            try
            {
                counts[queue.Name] = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                counts[queue.Name] = 0;
            }
        }

        return counts;
    }
}
