using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace SafetyCert.Host.Local;

/// <summary>Runs every timer function of the index. Schedules are resolved and checked when the host starts.</summary>
internal sealed class TimerTriggerService : BackgroundService
{
    private readonly List<TimerRunner> runners;
    private readonly ILogger logger;
    private readonly string names;
    private readonly string containerName;

    public TimerTriggerService(
        FunctionIndex index,
        IOptions<LocalFunctionsOptions> options,
        IConfiguration configuration,
        IServiceProvider services,
        TimeProvider time,
        ILogger<TimerTriggerService> logger)
    {
        var settings = options.Value;
        var container = new BlobServiceClient(settings.StorageConnectionString).GetBlobContainerClient(settings.TimerContainer);
        var store = new TimerStatusStore(container, settings.TimerBlobPrefix, logger);
        runners = [.. index.OfKind(FunctionKind.Timer).Select(function =>
        {
            var expression = AppSettings.Resolve(((TimerTriggerAttribute)function.Trigger).Schedule, configuration, function.Name);
            return new TimerRunner(function, TimerSchedule.Parse(function.Name, expression), store, services, time, logger);
        })];
        this.logger = logger;
        names = string.Join(", ", index.OfKind(FunctionKind.Timer).Select(f => f.Name));
        containerName = container.Name;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        TimerLog.Started(logger, names, containerName);
        return Task.WhenAll(runners.Select(r => r.RunAsync(stoppingToken)));
    }
}
