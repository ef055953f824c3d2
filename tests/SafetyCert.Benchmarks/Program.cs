using System.Diagnostics;
using System.Globalization;
using SafetyCert.Benchmarks;
using SafetyCert.Testing;

// dotnet run -c Release --project tests/SafetyCert.Benchmarks -- [overhead|aggregate|sweep|burst|all] [--scale s]
//                                                               import [--rows n]
string[] modes = ["overhead", "aggregate", "sweep", "burst", "import", "all"];
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !double.TryParse(a, CultureInfo.InvariantCulture, out _)) ?? "all";
var scaleAt = Array.IndexOf(args, "--scale");
var rowsAt = Array.IndexOf(args, "--rows");
var importRows = rowsAt >= 0 && rowsAt + 1 < args.Length ? int.Parse(args[rowsAt + 1], CultureInfo.InvariantCulture) : 100_000;
var scale = scaleAt >= 0 && scaleAt + 1 < args.Length ? double.Parse(args[scaleAt + 1], CultureInfo.InvariantCulture) : Scale.Default;
if (!modes.Contains(what) || scale is <= 0 or > 1)
{
    Console.Error.WriteLine($"usage: [{string.Join('|', modes)}] [--scale (0,1]] [--rows n]  (default {Scale.Default}; 1 = 1,000,000 due-index rows and a 20,000-reminder burst; import: 100,000 rows by default)");
    return 2;
}

// The import of a whole province's register takes hours at the local runtime's start rate: only when asked for.
bool Runs(string mode) => what == mode || (what == "all" && mode != "import");

var run = Stopwatch.StartNew();
await using var azurite = await Azurite.StartAsync();
await using var mail = await MailDev.StartAsync();
await using var probe = await AzuriteProbe.StartAsync(azurite.ConnectionString);
var origin = AzuriteProbe.Now;
var summary = new Summary();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"SafetyCert on its local runtime (Durable Azure Storage backend, in-process sidecar) over one Azurite; {Environment.ProcessorCount} cores, .NET {Environment.Version}, scale {scale}"));
Report.Text($"load average before: {LoadAverage()}");

if (Runs("overhead") || Runs("aggregate") || Runs("sweep"))
{
    await using var host = await BenchHost.StartAsync(azurite.ConnectionString, mail, "bench", Certificates.IssuedAt);
    if (Runs("overhead"))
    {
        await OverheadBenchmark.RunAsync(host, probe, summary, azurite.ConnectionString, "bench", scale);
    }

    if (Runs("aggregate"))
    {
        await AggregateBenchmark.RunAsync(host, probe, summary, azurite.ConnectionString, "bench", scale);
    }

    if (Runs("sweep"))
    {
        await SweepBenchmark.RunAsync(host, probe, summary, azurite.ConnectionString, scale);
    }

    Problems.Print(host.Log, "host of 1-3");
}

if (Runs("import"))
{
    await using var host = await BenchHost.StartAsync(azurite.ConnectionString, mail, "imp", ImportBenchmark.Now);
    await ImportBenchmark.RunAsync(host, importRows);
    Problems.Print(host.Log, "host of import");
}

if (Runs("burst"))
{
    await BurstBenchmark.RunAsync(azurite.ConnectionString, mail, probe, summary, scale);
}

summary.Print();
var stalls = probe.Stalls(origin);
Report.Text(string.Create(CultureInfo.InvariantCulture,
    $"Azurite probes: {probe.Count:N0}, stalls over {Round.StallThreshold.TotalSeconds:N0} s: {stalls.Count}{(stalls.Count == 0 ? "" : " (" + string.Join(", ", stalls.Select(s => $"{s.Seconds:N1} s at +{s.At:N0} s")) + ")")}"));
Report.Text(string.Create(CultureInfo.InvariantCulture, $"load average after: {LoadAverage()}; total {run.Elapsed.TotalMinutes:N1} min"));
return 0;

// Other work on the machine slows every figure alike; the ratios measured in one run are the robust ones.
static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
