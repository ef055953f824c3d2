using System.Collections.Concurrent;

namespace SafetyCert.Host.Tests.Local.Samples;

/// <summary>What the sample functions saw, for the tests to check.</summary>
public sealed class Recorder
{
    private readonly ConcurrentQueue<(string Function, object? Value)> calls = new();

    public void Record(string function, object? value) => calls.Enqueue((function, value));

    public IReadOnlyList<T> Of<T>(string function) => [.. calls.Where(c => c.Function == function).Select(c => (T)c.Value!)];
}
