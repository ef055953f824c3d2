using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Functions.Operations;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// Every minute: raises the business deadlines that came due (renewal reminders, expiries, review deadlines…) into their
/// orchestrations, catching up in due order however far the clock moved since the last sweep.
/// </summary>
public sealed partial class TimerSweepFunction(DueIndexSweeper sweeper, IClock clock, ILogger<TimerSweepFunction> logger)
{
    public const string Name = "TimerSweep";

    [Function(Name)]
    public async Task RunAsync([TimerTrigger("0 * * * * *")] TimerInfo timer, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        using var span = SafetyCertTelemetry.Source.StartActivity("timer.sweep");
        var result = await sweeper.CatchUpAsync(durable, clock.GetCurrentInstant(), cancellationToken);
        span?.SetTag("safetycert.timers.fired", result.TimersFired);
        if (result.TimersFired > 0)
        {
            Swept(logger, result.TimersFired, result.PartitionsRead, result.Watermark);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Timer sweep fired {Fired} timers from {Partitions} due partitions, now swept to {Watermark}.")]
    private static partial void Swept(ILogger logger, int fired, int partitions, string watermark);
}
