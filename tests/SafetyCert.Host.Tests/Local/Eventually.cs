using System.Diagnostics;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Local;

/// <summary>Polls for an outcome of background work with a generous real-time deadline, so no test depends on machine speed.</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming <paramref name="what"/> (and the log) after <paramref name="timeout"/>.</summary>
    public static Task HoldsAsync(Func<bool> condition, string what, TimeSpan? timeout = null, LogCollector? logs = null) =>
        HoldsAsync(() => Task.FromResult(condition()), what, timeout, logs);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null, LogCollector? logs = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(elapsed.Elapsed < limit, $"Timed out after {limit} waiting for: {what}{Describe(logs)}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static string Describe(LogCollector? logs) =>
        logs is null ? "" : "\nLogged:\n" + string.Join('\n', logs.Entries.Select(e => e.Exception is null ? e.Message : $"{e.Message} | {e.Exception.GetType().Name}: {e.Exception.Message}"));
}
