using System.Globalization;
using SafetyCert.Benchmarks;
using SafetyCert.Testing;

// dotnet run -c Release --project tests/SafetyCert.Benchmarks -- [engine|events|sweep|all] [--scale 0.1]
var what = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !double.TryParse(a, CultureInfo.InvariantCulture, out _)) ?? "all";
var scaleAt = Array.IndexOf(args, "--scale");
var scale = scaleAt >= 0 && scaleAt + 1 < args.Length ? double.Parse(args[scaleAt + 1], CultureInfo.InvariantCulture) : 1.0;
if (what is not ("engine" or "events" or "sweep" or "all") || scale is <= 0 or > 1)
{
    Console.Error.WriteLine("usage: [engine|events|sweep|all] [--scale (0,1]]  (scale shrinks the 1,000,000-row sweep and the run lengths)");
    return 2;
}

await using var azurite = await Azurite.StartAsync();
Console.WriteLine($"Azurite on 127.0.0.1, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
if (what is "engine" or "all")
{
    await EngineBenchmark.RunAsync(azurite.ConnectionString, scale);
}

if (what is "events" or "all")
{
    await EventsBenchmark.RunAsync(azurite.ConnectionString, scale);
}

if (what is "sweep" or "all")
{
    await SweepBenchmark.RunAsync(azurite.ConnectionString, scale);
}

return 0;
