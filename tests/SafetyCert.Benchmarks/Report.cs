using System.Diagnostics;
using System.Globalization;

namespace SafetyCert.Benchmarks;

/// <summary>Prints one figure per line, aligned, invariant culture.</summary>
internal static class Report
{
    public static void Line(string what, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-58} {value,14:N2} {unit}"));

    public static void Text(string text) => Console.WriteLine(text);

    public static void PeakMemory() =>
        Line("peak working set of this process", Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0, "MiB");

    public static async Task<double> SecondsAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }
}
