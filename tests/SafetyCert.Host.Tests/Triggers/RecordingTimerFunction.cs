using System.Collections.Concurrent;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Tests.Triggers;

/// <summary>A timer function that records each run and, when gated, stays running until the gate opens.</summary>
public class RecordingTimerFunction(string name, string schedule, ConcurrentQueue<TimerInfo>? runs = null) : ITimerFunction
{
    public string Name { get; } = name;

    public string Schedule { get; } = schedule;

    public ConcurrentQueue<TimerInfo> Runs { get; } = runs ?? new();

    public TaskCompletionSource? Gate { get; set; }

    public async Task RunAsync(TimerInfo info, CancellationToken cancellationToken)
    {
        Runs.Enqueue(info);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }
    }
}
