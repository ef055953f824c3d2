using System.Collections.Concurrent;

namespace SafetyCert.Benchmarks;

/// <summary>In-process completion of bare events: the cheapest possible "wait until the instance took it".</summary>
internal sealed class BareSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> waiting = new(StringComparer.Ordinal);

    public Task Expect(string eventId) =>
        waiting.GetOrAdd(eventId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Taken(string eventId)
    {
        if (waiting.TryRemove(eventId, out var signal))
        {
            signal.TrySetResult();
        }
    }
}
