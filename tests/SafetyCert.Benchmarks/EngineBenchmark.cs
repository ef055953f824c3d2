using Azure;
using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Engine transitions per second (load, decide, one transaction, outbox check) against the rate at which
/// the same Azurite takes bare three-entity batch transactions, with the same parallelism.
/// </summary>
internal static class EngineBenchmark
{
    private const int Workers = 8;

    public static async Task RunAsync(string connectionString, double scale)
    {
        var perWorker = Math.Max(20, (int)(250 * scale));
        Report.Text($"engine: {Workers} workers x {perWorker} transitions, each worker on its own instance");

        var rawTable = new TableServiceClient(connectionString).GetTableClient("benchraw");
        await rawTable.CreateIfNotExistsAsync();
        var engine = new WorkflowEngine(
            StorageAccount.FromConnectionString(connectionString, "benchengine"),
            new WorkflowRegistry().Add(new BenchWorkflow()),
            new DiscardedNotifications(),
            SystemClock.Instance);
        await RawAsync(rawTable, 10);
        await EngineAsync(engine, "warm", 10);

        // Bare batches before and after the engine run, so a warming or tiring Azurite favours neither side.
        var rawBefore = await RawAsync(rawTable, perWorker);
        var transitions = await EngineAsync(engine, "run", perWorker);
        var rawAfter = await RawAsync(rawTable, perWorker);
        var raw = (rawBefore + rawAfter) / 2;

        Report.Line("Azurite bare batch transactions (3 entities), before", rawBefore, "/s");
        Report.Line("Azurite bare batch transactions (3 entities), after", rawAfter, "/s");
        Report.Line("engine transitions end to end", transitions, "/s");
        Report.Line("ratio engine / bare batches (target >= 0.5)", transitions / raw, "");
        Report.PeakMemory();
    }

    private static async Task<double> RawAsync(TableClient table, int perWorker)
    {
        var run = Guid.NewGuid().ToString("N");
        var seconds = await Report.SecondsAsync(() => Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            var partition = $"{run}-{w}";
            await table.AddEntityAsync(new TableEntity(partition, "state") { ["Count"] = 0 });
            for (var i = 0; i < perWorker; i++)
            {
                await table.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity(partition, "state") { ["Count"] = i }, ETag.All),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"h|{i:D12}") { ["EventJson"] = "{}" }),
                    new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"e|{i}") { ["Sequence"] = i }),
                ]);
            }
        })));
        return Workers * perWorker / seconds;
    }

    private static async Task<double> EngineAsync(WorkflowEngine engine, string run, int perWorker)
    {
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w =>
            engine.StartAsync(BenchWorkflow.BenchKind, $"{run}-{w}", new Counted(0), "start", "bench")));
        var seconds = await Report.SecondsAsync(() => Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            for (var i = 0; i < perWorker; i++)
            {
                await engine.ApplyAsync(BenchWorkflow.BenchKind, $"{run}-{w}", new Counted(i), $"e{i}", "bench");
            }
        })));
        return Workers * perWorker / seconds;
    }
}
