using System.Globalization;

namespace SafetyCert.Benchmarks;

/// <summary>Prints the warnings and errors a host logged, most frequent first.</summary>
internal static class Problems
{
    public static void Print(HostLog log, string host)
    {
        var problems = log.Problems.OrderByDescending(p => p.Value.Count).ToList();
        Report.Text(problems.Count == 0 ? $"  {host}: no warning or error logged" : $"  {host}: warnings and errors logged");
        foreach (var (key, (count, first)) in problems.Take(12))
        {
            var sample = first.Length > 150 ? first[..150] + "…" : first;
            Report.Text(string.Create(CultureInfo.InvariantCulture, $"    {count,8:N0}  {key}: {sample}"));
        }

        if (log.Discarded.Count > 0)
        {
            Report.Text("    messages Durable discarded (\"No such instance\"), by instance: " +
                string.Join(", ", log.Discarded.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Key}* {d.Value:N0}"))));
        }
    }
}
