using System.Diagnostics;
using Azure.Data.Tables;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Reads one entity of a tiny table of its own every ~200 ms, so a round can tell whether Azurite stalled under it
/// (DESIGN.md: with in-memory persistence Azurite 3.35 freezes all three services for 20–60 s about every 100 s under
/// queue-heavy load). A probe still waiting counts with the time it has waited so far.
/// </summary>
internal sealed class AzuriteProbe : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);
    private readonly TableClient table;
    private readonly CancellationTokenSource stop = new();
    private readonly List<(long Start, long End)> probes = [];
    private readonly Lock gate = new();
    private long inFlightSince = -1;
    private Task? loop;

    private AzuriteProbe(TableClient table) => this.table = table;

    public static async Task<AzuriteProbe> StartAsync(string connectionString)
    {
        var table = new TableServiceClient(connectionString).GetTableClient("benchprobe");
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity("probe", "probe"));
        var probe = new AzuriteProbe(table);
        probe.loop = probe.RunAsync();
        return probe;
    }

    /// <summary>Now, on the clock the probes are stamped with.</summary>
    public static long Now => Stopwatch.GetTimestamp();

    /// <summary>The slowest probe that overlapped <paramref name="start"/> to now.</summary>
    public TimeSpan MaxSince(long start)
    {
        var end = Now;
        lock (gate)
        {
            var max = probes.Where(p => p.End >= start && p.Start <= end).Select(p => p.End - p.Start).DefaultIfEmpty(0).Max();
            if (inFlightSince >= 0)
            {
                max = Math.Max(max, end - inFlightSince);
            }

            return Stopwatch.GetElapsedTime(0, max);
        }
    }

    /// <summary>How much of <paramref name="start"/> to now Azurite spent stalled: the overlap of every probe over the threshold.</summary>
    public TimeSpan StalledSince(long start)
    {
        var end = Now;
        var threshold = (long)(Round.StallThreshold.TotalSeconds * Stopwatch.Frequency);
        lock (gate)
        {
            var spans = probes.Select(p => (p.Start, p.End)).ToList();
            if (inFlightSince >= 0)
            {
                spans.Add((inFlightSince, end));
            }

            var ticks = spans.Where(p => p.End - p.Start > threshold && p.End >= start && p.Start <= end)
                .Sum(p => Math.Min(p.End, end) - Math.Max(p.Start, start));
            return Stopwatch.GetElapsedTime(0, ticks);
        }
    }

    /// <summary>Every stall seen so far: when it began (seconds after <paramref name="origin"/>) and how long it lasted.</summary>
    public IReadOnlyList<(double At, double Seconds)> Stalls(long origin)
    {
        lock (gate)
        {
            return [.. probes
                .Where(p => Stopwatch.GetElapsedTime(p.Start, p.End) > Round.StallThreshold)
                .Select(p => (Stopwatch.GetElapsedTime(origin, p.Start).TotalSeconds, Stopwatch.GetElapsedTime(p.Start, p.End).TotalSeconds))];
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return probes.Count;
            }
        }
    }

    /// <summary>Times a round of <paramref name="count"/> operations.</summary>
    public async Task<Round> TimeAsync(string label, int count, Func<Task> action)
    {
        var start = Now;
        await action();
        return Measured(label, count, start);
    }

    /// <summary>A round of <paramref name="count"/> operations that began at <paramref name="start"/> and ends now.</summary>
    public Round Measured(string label, int count, long start)
    {
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new Round(label, count, seconds, MaxSince(start), StalledSince(start).TotalSeconds);
    }

    private async Task RunAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            var start = Now;
            lock (gate)
            {
                inFlightSince = start;
            }

            try
            {
                await table.GetEntityIfExistsAsync<TableEntity>("probe", "probe", cancellationToken: stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Azure.RequestFailedException)
            {
                // A failed probe still tells how long Azurite took to answer.
            }

            lock (gate)
            {
                inFlightSince = -1;
                probes.Add((start, Now));
            }

            var left = Interval - Stopwatch.GetElapsedTime(start);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (loop is not null)
        {
            await loop;
        }

        stop.Dispose();
    }
}
