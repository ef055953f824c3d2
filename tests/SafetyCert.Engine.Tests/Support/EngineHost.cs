using System.Text.Json;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Testing;
using SafetyCert.Engine.Queues;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Timers;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Support;

/// <summary>An engine on its own prefix of the shared Azurite, with a fake clock and recorded notices.</summary>
public sealed class EngineHost
{
    public static readonly Instant Start = Instant.FromUtc(2026, 3, 2, 1, 30);

    public EngineHost(StorageAccount account, WorkflowRegistry? registry = null, FakeClock? clock = null)
    {
        Account = account;
        Clock = clock ?? new FakeClock(Start);
        Registry = registry ?? new WorkflowRegistry().Add(new TicketWorkflow());
        Engine = new WorkflowEngine(account, Registry, Notifications, Clock);
        Sweeper = new TimerSweeper(Engine);
    }

    public StorageAccount Account { get; }

    public FakeClock Clock { get; }

    public WorkflowRegistry Registry { get; }

    public RecordingNotifications Notifications { get; } = new();

    public WorkflowEngine Engine { get; }

    public TimerSweeper Sweeper { get; }

    public int PoisonCalls { get; private set; }

    public Task<QueueListener> ListenerAsync(QueueHandler? handler = null) =>
        QueueListener.CreateAsync(
            Account,
            WorkflowStorageNames.EventsQueue,
            handler ?? Engine.HandleEventMessageAsync,
            new QueueListenerOptions { RetryDelay = TimeSpan.Zero, VisibilityTimeout = TimeSpan.FromSeconds(30) },
            onPoison: async (message, error, ct) =>
            {
                PoisonCalls++;
                await Engine.RecordPoisonAsync(message, error, ct);
            });

    /// <summary>Handles queued events with <paramref name="workers"/> listeners until the queue stays empty.</summary>
    public async Task DrainAsync(int workers = 1)
    {
        var listeners = new List<QueueListener>();
        for (var i = 0; i < workers; i++)
        {
            listeners.Add(await ListenerAsync());
        }

        var queue = await Account.QueueAsync(WorkflowStorageNames.EventsQueue);
        for (var round = 0; round < 500; round++)
        {
            var received = await Task.WhenAll(listeners.Select(l => l.ProcessBatchAsync(TestContext.Current.CancellationToken)));
            if (received.Sum() == 0 && (await queue.GetPropertiesAsync(TestContext.Current.CancellationToken)).Value.ApproximateMessagesCount == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("The events queue did not drain.");
    }

    /// <summary>Every row of every engine table, with times and ETags left out, for comparing two runs.</summary>
    public async Task<string> SnapshotAsync()
    {
        var lines = new List<string>();
        foreach (var name in new[] { WorkflowStorageNames.Instances, WorkflowStorageNames.StatusIndex, WorkflowStorageNames.Timers })
        {
            var table = await Account.TableAsync(name);
            await foreach (var row in table.QueryAsync("PartitionKey ne ''"))
            {
                var properties = row.Where(p => p.Key is not ("odata.etag" or "Timestamp" or "UpdatedAt") && p.Value is not null)
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => $"{p.Key}={JsonSerializer.Serialize(p.Value)}");
                lines.Add($"{name}/{row.PartitionKey}/{row.RowKey}: {string.Join(", ", properties)}");
            }
        }

        return string.Join('\n', lines);
    }

    public async Task<List<TableEntity>> RowsAsync(string tableName, string filter)
    {
        var table = await Account.TableAsync(tableName);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}
