using NodaTime;
using SafetyCert.Engine.Timers;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Workflows;

/// <summary>
/// Every minute: turns the workflow timers that came due into events (DESIGN.md, "Timers"), catching up in due
/// order however far the clock moved since the last sweep.
/// </summary>
internal sealed partial class TimerSweepFunction(TimerSweeper sweeper, IClock clock, ILogger<TimerSweepFunction> logger) : ITimerFunction
{
    public string Name => "TimerSweep";

    public string Schedule => "0 * * * * *";

    public async Task RunAsync(TimerInfo info, CancellationToken cancellationToken)
    {
        var result = await sweeper.CatchUpAsync(clock.GetCurrentInstant(), cancellationToken);
        if (result.TimersFired > 0)
        {
            Swept(logger, result.TimersFired, result.PartitionsRead, result.Watermark);
        }
    }

    [LoggerMessage(1, LogLevel.Information, "Timer sweep fired {Fired} timers from {Partitions} due partitions, now swept to {Watermark}.")]
    private static partial void Swept(ILogger logger, int fired, int partitions, string watermark);
}
