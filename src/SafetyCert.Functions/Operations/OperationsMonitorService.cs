using Microsoft.Extensions.Options;

namespace SafetyCert.Functions.Operations;

/// <summary>Refreshes the domain gauges' snapshot every <see cref="OperationsOptions.SnapshotInterval"/> of real time.</summary>
internal sealed partial class OperationsMonitorService(OperationsMonitor monitor, IOptions<OperationsOptions> options, ILogger<OperationsMonitorService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SnapshotInterval);
        do
        {
            try
            {
                await monitor.RefreshAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage down: the gauges keep the last snapshot, and the health endpoint says what is wrong.
                RefreshFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(1, LogLevel.Warning, "The operations snapshot could not be refreshed ({Error}): {Message}")]
    private static partial void RefreshFailed(ILogger logger, string error, string message);
}
