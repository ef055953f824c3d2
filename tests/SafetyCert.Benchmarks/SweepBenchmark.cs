using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>
/// What one due-index sweep reads at a small and a large index with the same number due: the sweep reads only the
/// due-hour partitions with one key-range query, so on Azure its rows read (and cost) follow the due deadlines, not the
/// registered ones. Rows are counted by a pipeline policy on the sweep's own table client; Azurite's times are shown
/// too, but Azurite scans the whole table on every query, so they grow with the index where Azure's would not.
/// </summary>
internal static class SweepBenchmark
{
    private const int Due = 100;
    private const int Parallelism = 16;
    private static readonly Instant Now = Instant.FromUtc(2027, 1, 1, 8, 30);

    public static async Task RunAsync(BenchHost host, AzuriteProbe probe, Summary summary, string connectionString, double scale)
    {
        var small = Math.Max(Due * 10, (int)(10_000 * scale));
        var large = Math.Max(small * 10, (int)(1_000_000 * scale));
        Report.Text(string.Create(CultureInfo.InvariantCulture,
            $"3. due-index sweep: {Due} due among {small:N0} and {large:N0} rows (a deadline per registered certificate, over three years)"));
        await SweepAsync(host, probe, connectionString, "sweepwarm", Due * 10);
        var (smallRows, smallReads, smallRound) = await SweepAsync(host, probe, connectionString, "sweepsmall", small);
        var (largeRows, largeReads, largeRound) = await SweepAsync(host, probe, connectionString, "sweeplarge", large);

        Report.Line($"rows read by the sweep at {small:N0}", smallRows, "rows");
        Report.Line($"rows read by the sweep at {large:N0}", largeRows, "rows");
        Report.Line("ratio large / small (1 = cost follows the due rows only)", (double)largeRows / smallRows, "");
        summary.Add("sweep", $"sweep rows read, {large:N0} / {small:N0} rows indexed ({Due} due)", (double)largeRows / smallRows, $"x ({largeRows} / {smallRows} rows)");
        Report.Line($"read requests (watermark, query pages) at {small:N0} / {large:N0}", smallReads, $"/ {largeReads}");
        Report.Duration(smallRound);
        Report.Duration(largeRound);
        Report.Line("Azurite time ratio large / small (Azurite scans whole tables)", largeRound.Seconds / smallRound.Seconds, "");
    }

    private static async Task<(long Rows, long Reads, Round Round)> SweepAsync(BenchHost host, AzuriteProbe probe, string connectionString, string prefix, int rows)
    {
        var name = prefix + WorkflowStorageNames.Timers;
        var counter = new RowCounter(name);
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var account = new StorageAccount(new TableServiceClient(connectionString, options), new QueueServiceClient(connectionString), new BlobServiceClient(connectionString), prefix);
        var index = new DueIndex(account, host.Services.GetRequiredService<WorkflowClients>(), host.Services.GetRequiredService<WorkflowSet>(), host.Clock);
        var table = new TableServiceClient(connectionString).GetTableClient(name);
        await table.CreateIfNotExistsAsync();
        var insert = await probe.TimeAsync($"inserted {rows - Due:N0} future rows into {name}", rows - Due, () => InsertAsync(table, rows - Due, Future));
        await InsertAsync(table, Due, Past);
        if (prefix != "sweepwarm")
        {
            Report.Round(insert, "rows/s");
        }

        // The rows name instances that do not exist: the sweep raises each firing, learns there is no such instance, and
        // deletes the row, which is all the reading there is to measure.
        counter.Reset();
        var fired = 0;
        var round = await probe.TimeAsync($"sweep over {rows:N0} rows on Azurite (read, raise, confirm, delete)", 1, async () =>
            fired = (await new DueIndexSweeper(index).SweepAsync(host.Durable, Now)).TimersFired);
        if (fired != Due)
        {
            throw new InvalidOperationException($"The sweep over {rows:N0} rows fired {fired} timers, not {Due}.");
        }

        // Azurite keeps every table in memory; the next parts should not pay for this one.
        await table.DeleteAsync();
        return (counter.Rows, counter.Reads, round);
    }

    /// <summary>Adds rows in 100-entity single-partition batches, checked as Azure would, several batches at once.</summary>
    private static async Task InsertAsync(TableClient table, int count, Func<int, TableEntity> make)
    {
        var batches = Enumerable.Range(0, count).Select(make).GroupBy(e => e.PartitionKey)
            .SelectMany(g => g.Chunk(Table.MaxBatchEntities))
            .ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (batch, ct) =>
        {
            var actions = batch.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList();
            Table.CheckBatch(actions);
            await table.SubmitTransactionAsync(actions, ct);
        });
    }

    // Deadlines over the next three years at the hours certificates set them: reminders at 09:00 and expiries at
    // midnight in Beijing (01:00 and 16:00 UTC), so about 2,200 hour partitions share the rows.
    private static TableEntity Future(int i) =>
        Row(i, Instant.FromUtc(2027, 1, 2, 0, 0) + Duration.FromDays(i % 1095) + Duration.FromHours(i / 1095 % 2 == 0 ? 1 : 16) + Duration.FromSeconds(i % 1800));

    // Due within the last ten hours.
    private static TableEntity Past(int i) => Row(1_000_000_000 + i, Now - Duration.FromMinutes(1 + (i * 6 % 600)));

    private static TableEntity Row(int i, Instant dueAt)
    {
        var token = $"renewal#{i}";
        return new TableEntity(DueIndex.Partition(dueAt), DueIndex.Row(WorkflowKinds.Certificate, $"sw{i}", "renewal-reminder-60", token))
        {
            ["Kind"] = WorkflowKinds.Certificate,
            ["InstanceId"] = $"sw{i}",
            ["TimerId"] = "renewal-reminder-60",
            ["Token"] = token,
            ["DueAt"] = dueAt.ToDateTimeOffset(),
            ["Purpose"] = "renewal reminder",
        };
    }
}
