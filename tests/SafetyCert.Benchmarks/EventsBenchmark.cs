using NodaTime;
using SafetyCert.Engine.Queues;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Events per second into one instance through the events queue, as the host runs them: one listener,
/// messages received 16 at a time. Durable Functions documents about 50 external events per second
/// into one orchestration instance.
/// </summary>
internal static class EventsBenchmark
{
    private const double DurableFunctionsPublished = 50;

    public static async Task RunAsync(string connectionString, double scale)
    {
        var count = Math.Max(100, (int)(1000 * scale));
        foreach (var (batch, label) in new[] { (1, "one message at a time"), (16, "16 per receive, handled together") })
        {
            var account = StorageAccount.FromConnectionString(connectionString, $"benchevents{batch}");
            var engine = new WorkflowEngine(account, new WorkflowRegistry().Add(new BenchWorkflow()), new DiscardedNotifications(), SystemClock.Instance);
            await engine.StartAsync(BenchWorkflow.BenchKind, "hot", new Counted(0), "start", "bench");
            var enqueue = await Report.SecondsAsync(() => Task.WhenAll(Enumerable.Range(0, count).Select(i =>
                engine.RaiseAsync(BenchWorkflow.BenchKind, "hot", new Counted(i), $"e{i}", "bench"))));

            var listener = await QueueListener.CreateAsync(
                account, WorkflowStorageNames.EventsQueue, engine.HandleEventMessageAsync, new QueueListenerOptions { BatchSize = batch, RetryDelay = TimeSpan.Zero });
            var drain = await Report.SecondsAsync(async () =>
            {
                while (await listener.ProcessBatchAsync(CancellationToken.None) > 0)
                {
                }
            });

            var status = await engine.GetStatusAsync(BenchWorkflow.BenchKind, "hot");
            Report.Text($"events ({label}): {count} events into one instance, last sequence {status!.LastEvent!.Sequence}");
            Report.Line("enqueue rate", count / enqueue, "/s");
            Report.Line("applied through the queue into one instance", count / drain, "/s");
            Report.Line("ratio to Durable Functions' published 50/s", count / drain / DurableFunctionsPublished, "");
        }

        Report.PeakMemory();
    }
}
