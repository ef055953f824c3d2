using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Host.Tests.Local.Samples;

public sealed class QueueSamples(Recorder recorder)
{
    /// <summary>Records each delivery; a message starting with "fail" throws, one starting with "slow" runs 5 seconds.</summary>
    [Function("Work")]
    public async Task RunAsync([QueueTrigger("%WorkQueue%")] string message, long dequeueCount, CancellationToken cancellationToken)
    {
        recorder.Record("Work", $"{message}#{dequeueCount}");
        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"failing {message}");
        }

        if (message.StartsWith("slow", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }
}
