using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using NodaTime;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Reference;

namespace SafetyCert.Functions.Operations;

/// <summary>
/// <c>GET /api/health</c>, for load balancers and uptime probes: no token needed, and nothing in the answer names a party.
/// 200 while storage answers and the sweep keeps up (status Healthy, or Degraded when it lags); 503 when storage does not
/// answer or the sweep is more than <see cref="OperationsOptions.SweepLagUnhealthy"/> behind.
/// </summary>
internal sealed partial class HealthFunctions(DueIndex dueIndex, StorageAccount storage, IClock clock, IOptions<OperationsOptions> options, ILogger<HealthFunctions> logger)
{
    public const string Healthy = nameof(Healthy);
    public const string Degraded = nameof(Degraded);
    public const string Unhealthy = nameof(Unhealthy);

    [Function("Health")]
    [ApiOperation("Check that the app and its storage answer")]
    [ApiResponse(StatusCodes.Status200OK, Type = typeof(HealthReport))]
    [ApiResponse(StatusCodes.Status503ServiceUnavailable, Type = typeof(HealthReport))]
    public async Task<IResult> GetAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        HealthReport report;
        try
        {
            var oldest = await dueIndex.OldestPendingAsync(now, cancellationToken);
            var documents = await storage.ContainerAsync(WorkflowStorageNames.DataContainer, cancellationToken);
            await documents.ExistsAsync(cancellationToken);
            var lag = oldest is { } due && due < now ? now - due : Duration.Zero;
            var settings = options.Value;
            var sweep = lag.ToTimeSpan() > settings.SweepLagUnhealthy ? Unhealthy : lag.ToTimeSpan() > settings.SweepLagDegraded ? Degraded : Healthy;
            report = new HealthReport(sweep, now.ToDateTimeOffset(), new HealthCheck(Healthy), new SweepHealth(sweep, lag.TotalSeconds, oldest?.ToDateTimeOffset()));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            StorageFailed(logger, e);
            report = new HealthReport(
                Unhealthy, now.ToDateTimeOffset(), new HealthCheck(Unhealthy, "Storage did not answer; the host's log has the details."), new SweepHealth(Unhealthy, 0, null));
        }

        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return TypedResults.Json(report, statusCode: report.Status == Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    [LoggerMessage(1, LogLevel.Error, "Health check: storage did not answer.")]
    private static partial void StorageFailed(ILogger logger, Exception exception);
}
