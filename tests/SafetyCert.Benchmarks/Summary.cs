using System.Globalization;

namespace SafetyCert.Benchmarks;

/// <summary>The headline figures of a run, gathered from each part and printed together at the end.</summary>
internal sealed class Summary
{
    private readonly List<(string What, double Value, string Unit)> lines = [];
    private readonly Dictionary<string, double> named = new(StringComparer.Ordinal);

    public void Add(string key, string what, double value, string unit)
    {
        named[key] = value;
        lines.Add((what, value, unit));
    }

    public double? this[string key] => named.TryGetValue(key, out var value) ? value : null;

    public void Print()
    {
        if (this["aggregate"] is { } aggregate && this["lifecycle"] is { } lifecycle)
        {
            lines.Add(("aggregate (all instances pending) / lifecycle (32 in turn)", aggregate / lifecycle, "x"));
        }

        if (this["burst"] is { } burst && this["aggregate"] is { } raisedOnce)
        {
            lines.Add(("burst through TimerSweep / aggregate raised once", burst / raisedOnce, "x"));
        }

        Report.Text("Summary (figures and ratios of this run)");
        foreach (var (what, value, unit) in lines)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {what,-64} {value,12:N2} {unit}"));
        }
    }
}
