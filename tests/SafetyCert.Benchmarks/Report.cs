using System.Diagnostics;
using System.Globalization;

namespace SafetyCert.Benchmarks;

/// <summary>Prints one figure per line, aligned, invariant culture.</summary>
internal static class Report
{
    public static void Line(string what, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-64} {value,12:N2} {unit}"));

    public static void Text(string text) => Console.WriteLine(text);

    /// <summary>One measured round, marked when an Azurite stall overlapped it.</summary>
    public static void Round(Round round, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {round.Label,-62} {round.Rate,12:N2} {unit}  ({round.Count:N0} in {round.Seconds:N1} s, probe max {round.ProbeMax.TotalSeconds:N2} s){(round.Stalled ? $"  STALL {round.StalledSeconds:N1} s; {round.RateOutsideStalls:N2} outside it" : "")}"));

    /// <summary>A timed step, by its duration, marked when an Azurite stall overlapped it.</summary>
    public static void Duration(Round round) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    {round.Label,-62} {round.Seconds,12:N2} s  (probe max {round.ProbeMax.TotalSeconds:N2} s){(round.Stalled ? $"  STALL {round.StalledSeconds:N1} s" : "")}"));

    /// <summary>
    /// The median rate of the rounds an Azurite stall did not hit; when every round was hit, the median of their rates
    /// outside the stalls (said so in <paramref name="note"/>, as is how many rounds were left out).
    /// </summary>
    public static double Median(IReadOnlyList<Round> rounds, out string note)
    {
        var clean = rounds.Where(r => !r.Stalled).ToList();
        var stalled = rounds.Count - clean.Count;
        note = clean.Count == 0 ? "every round stalled: rates outside the stalls" : stalled > 0 ? $"{stalled} stalled round(s) left out" : "no stall";
        var sorted = (clean.Count > 0 ? clean.Select(r => r.Rate) : rounds.Select(r => r.RateOutsideStalls)).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static async Task<double> SecondsAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }
}
