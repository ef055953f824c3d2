using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>
/// The sweep reads only due-hour partitions, so its cost follows the due timers, not the scheduled ones:
/// the same due count is swept over 10,000 and 1,000,000 scheduled timers, and compared with finding the
/// same due items by scanning a certificate-like table of the large size.
/// </summary>
internal static class SweepBenchmark
{
    private const int Due = 100;
    private const int Parallelism = 16;
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 1, 8, 30);

    public static async Task RunAsync(string connectionString, double scale)
    {
        var large = (int)(1_000_000 * scale);
        Report.Text($"sweep: {Due} due timers among 10,000 and {large:N0} scheduled (scale {scale.ToString(CultureInfo.InvariantCulture)})");
        await SweepAsync(connectionString, "benchsweepwarm", 1_000); // compiles and connects everything once
        var (small, smallRead) = await SweepAsync(connectionString, "benchsweepsmall", 10_000);
        var (big, bigRead) = await SweepAsync(connectionString, "benchsweeplarge", large);

        var certificates = new TableServiceClient(connectionString).GetTableClient("benchcertificates");
        await certificates.CreateIfNotExistsAsync();
        var insert = await Report.SecondsAsync(() => InsertAsync(certificates, large, Certificate));
        Report.Line($"inserted {large:N0} certificate-like rows", large / insert, "rows/s");
        var found = 0;
        var scan = await Report.SecondsAsync(async () =>
        {
            // Certificates due for a renewal reminder by a non-key date: Table storage can only scan for them.
            var cutoff = Now.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
            await foreach (var _ in certificates.QueryAsync<TableEntity>($"RemindAt le datetime'{cutoff}'", 1000))
            {
                found++;
            }
        });

        Report.Line("sweep over 10,000 scheduled (read, enqueue, delete)", small * 1000, "ms");
        Report.Line($"sweep over {large:N0} scheduled (read, enqueue, delete)", big * 1000, "ms");
        Report.Line("ratio large / small (target <= 1.5)", big / small, "");
        Report.Line("finding the due timers among 10,000 (read only)", smallRead * 1000, "ms");
        Report.Line($"finding the due timers among {large:N0} (read only)", bigRead * 1000, "ms");
        Report.Line("ratio large / small, read only", bigRead / smallRead, "");
        Report.Line($"full scan of {large:N0} certificate-like rows ({found} due)", scan * 1000, "ms");
        Report.Line("ratio scan / whole sweep (target >= 100)", scan / big, "");
        Report.Line("ratio scan / finding the due timers", scan / bigRead, "");
        Report.PeakMemory();
    }

    private static async Task<(double Sweep, double Read)> SweepAsync(string connectionString, string prefix, int scheduled)
    {
        var engine = new WorkflowEngine(
            StorageAccount.FromConnectionString(connectionString, prefix), new WorkflowRegistry().Add(new BenchWorkflow()), new DiscardedNotifications(), SystemClock.Instance);
        var timers = await engine.Storage.TableAsync(WorkflowStorageNames.Timers);
        var client = new TableServiceClient(connectionString).GetTableClient(prefix + WorkflowStorageNames.Timers);
        var insert = await Report.SecondsAsync(() => InsertAsync(client, scheduled - Due, Future));
        Report.Line($"inserted {scheduled - Due:N0} future timers", (scheduled - Due) / insert, "rows/s");
        await InsertAsync(client, Due, Past);
        await timers.UpsertAsync(new TableEntity(TimerSweeper.WatermarkPartition, TimerSweeper.WatermarkRow)
        {
            ["NextHour"] = TimerIndex.Format(TimerIndex.HourOf(Now - Duration.FromHours(12))),
        });

        var sweeper = new TimerSweeper(engine);
        await engine.Storage.QueueAsync(WorkflowStorageNames.EventsQueue);
        await sweeper.CountDueAsync(Now);
        var read = Stopwatch.StartNew();
        var counted = await sweeper.CountDueAsync(Now);
        var readSeconds = read.Elapsed.TotalSeconds;
        if (counted != Due)
        {
            throw new InvalidOperationException($"The sweep found {counted} due timers, not {Due}.");
        }

        var watch = Stopwatch.StartNew();
        var result = await sweeper.SweepAsync(Now);
        var seconds = watch.Elapsed.TotalSeconds;
        if (result.TimersFired != Due)
        {
            throw new InvalidOperationException($"The sweep fired {result.TimersFired} timers, not {Due}.");
        }

        return (seconds, readSeconds);
    }

    /// <summary>Inserts rows in 100-entity single-partition batches, several batches at once.</summary>
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

    // Future timers spread over three years of hours, as certificate and deadline timers are.
    private static TableEntity Future(int i) => Timer(i, Now + Duration.FromHours(2 + (i % 26_280)) + Duration.FromSeconds(i % 3600));

    // Due timers within the last ten hours.
    private static TableEntity Past(int i) => Timer(1_000_000_000 + i, Now - Duration.FromMinutes(1 + (i * 6 % 600)));

    private static TableEntity Timer(int i, Instant dueAt)
    {
        var token = $"renewal#{i}";
        return new TableEntity(TimerIndex.Partition(dueAt), TimerIndex.Row(BenchWorkflow.BenchKind, $"c{i}", "renewal", token))
        {
            ["Kind"] = BenchWorkflow.BenchKind,
            ["InstanceId"] = $"c{i}",
            ["TimerId"] = "renewal",
            ["Token"] = token,
            ["DueAt"] = dueAt.ToDateTimeOffset(),
            ["Purpose"] = "renewal-reminder",
        };
    }

    private static TableEntity Certificate(int i)
    {
        var remindAt = Now + Duration.FromHours((i % 26_280) - (i % 10_000 == 0 ? 30_000 : 0));
        return new TableEntity($"region-{i % 300:D3}", $"cert-{i:D9}")
        {
            ["Number"] = $"AQBH-{i:D9}",
            ["EnterpriseId"] = $"ent-{i:D9}",
            ["RegionCode"] = $"{110000 + (i % 300)}",
            ["Grade"] = (i % 3) switch { 0 => "Level1", 1 => "Level2", _ => "Level3" },
            ["ProfileId"] = "national-non-coal-mine-2017",
            ["IssuedOn"] = (Now - Duration.FromDays(i % 1000)).ToDateTimeOffset(),
            ["ValidThrough"] = (Now + Duration.FromDays(1095 - (i % 1000))).ToDateTimeOffset(),
            ["RemindAt"] = remindAt.ToDateTimeOffset(),
            ["Status"] = "Valid",
        };
    }
}
