using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>
/// Fires the catalog's functions when the app runs on its own (locally, in a container): a runner per timer
/// function and a listener per queue function. Under the Azure Functions host it is not started, since the
/// host fires the same functions through the custom-handler endpoints.
/// </summary>
public sealed class TriggerRuntime(
    FunctionCatalog catalog,
    BlobServiceClient blobs,
    IOptions<TriggerStorageOptions> options,
    TimeProvider time,
    ILogger<TriggerRuntime> logger,
    QueueTriggerListener? queueListener = null) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var store = new TimerStatusStore(blobs.GetBlobContainerClient(options.Value.TimersContainer), time, logger);
        await store.EnsureContainerAsync(stoppingToken);

        var queueTriggers = catalog.Queues.Select(q => new QueueTrigger(q, options.Value.QueueNameOf(q))).ToList();
        TriggerLog.Started(logger, catalog.Timers.Count, store.ContainerName, queueTriggers.Count);

        var runs = catalog.Timers
            .Select(t => new TimerRunner(t, catalog.Schedules[t.Name], store, time, logger).RunAsync(stoppingToken))
            .Concat(queueTriggers.Select(q => ListenAsync(q, stoppingToken)));
        await Task.WhenAll(runs);
    }

    private Task ListenAsync(QueueTrigger trigger, CancellationToken stoppingToken)
    {
        if (queueListener is null)
        {
            TriggerLog.NoQueueListener(logger, trigger.Function.Name, trigger.QueueName);
            return Task.CompletedTask;
        }

        return queueListener(trigger, stoppingToken);
    }
}
