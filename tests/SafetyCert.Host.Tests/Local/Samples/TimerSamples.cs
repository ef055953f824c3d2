using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Host.Tests.Local.Samples;

public sealed class TimerSamples(Recorder recorder)
{
    [Function("EveryMinute")]
    public Task RunAsync([TimerTrigger("%EveryMinuteSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        recorder.Record("EveryMinute", timer);
        return Task.CompletedTask;
    }
}
