using System.Diagnostics;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Options;

namespace SafetyCert.Host.Local;

/// <summary>
/// Runs the Durable backend of the local host: the Azure Storage provider (the engine and storage layout Durable
/// Functions uses in Azure) on the configured account, behind the in-process gRPC sidecar the worker and client talk
/// to. It starts before every other hosted service, and it stops as soon as the app's shutdown begins, with a capped
/// wait: a stopping host that kept dequeuing would hide the messages it took from the next run until their visibility
/// timeout ends.
/// </summary>
internal sealed class LocalDurableBackend(
    IOptions<LocalDurableOptions> options,
    LocalDurableChannel channel,
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    ILogger<LocalDurableBackend> logger) : IHostedLifecycleService, IAsyncDisposable
{
    private readonly Lock gate = new();
    private LockRenewingOrchestrationService? service;
    private TaskHubSidecar? sidecar;
    private CancellationTokenRegistration onStopping;
    private Task? stopping;

    // Starting, not Start: the worker's hosted service and any service using the client may come first in the
    // container, and they should find the backend running.
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        try
        {
            var started = Stopwatch.StartNew();
            var storage = new AzureStorageOrchestrationService(ServiceSettings(settings, loggerFactory));
            await storage.CreateIfNotExistsAsync().WaitAsync(cancellationToken);
            service = new LockRenewingOrchestrationService(
                storage, settings.ControlQueueVisibilityTimeout, settings.WorkItemQueueVisibilityTimeout, logger);
            sidecar = await TaskHubSidecar.StartAsync(service, storage, loggerFactory, cancellationToken);
            channel.Publish(sidecar.Endpoint);
            onStopping = lifetime.ApplicationStopping.Register(() => BeginStop());
            LocalDurableLog.Started(logger, settings.TaskHubName, settings.WorkerId, sidecar.Endpoint.Port, started.ElapsedMilliseconds);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var failure = new InvalidOperationException(
                $"The local Durable backend for task hub '{settings.TaskHubName}' did not start; is the storage account " +
                $"(Azurite locally) running and is {LocalDurableOptions.Section}:StorageConnectionString right? {e.Message}", e);
            channel.Fail(failure);
            throw failure;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A host stopped through StopAsync (tests, WebApplicationFactory) reaches this before ApplicationStopping.
    public Task StoppingAsync(CancellationToken cancellationToken)
    {
        BeginStop();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => BeginStop();

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await onStopping.DisposeAsync();
        await BeginStop();
        service?.Dispose();
    }

    private static AzureStorageOrchestrationServiceSettings ServiceSettings(LocalDurableOptions options, ILoggerFactory loggerFactory) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnectionString),
        TaskHubName = options.TaskHubName,
        WorkerId = options.WorkerId,
        PartitionCount = options.PartitionCount,
        ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.WorkItemQueueVisibilityTimeout,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,

        // As Durable Functions 2.x and later: leases in the <hub>Partitions table.
        UseTablePartitionManagement = true,
        LoggerFactory = loggerFactory,
    };

    private Task BeginStop()
    {
        lock (gate)
        {
            return stopping ??= StopBackendAsync();
        }
    }

    private async Task StopBackendAsync()
    {
        if (service is null || sidecar is null)
        {
            return;
        }

        var timeout = options.Value.ShutdownTimeout;
        var elapsed = Stopwatch.StartNew();

        // Fetch nothing more, then give the partitions back; a forced stop drops in-memory sessions instead of
        // waiting for them. Whatever this host still holds reappears after its visibility timeout.
        sidecar.StopDispatching();
        try
        {
            await service.StopAsync(isForced: true).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            LocalDurableLog.StopTimedOut(logger, timeout.TotalSeconds);
        }

        await sidecar.DisposeAsync();
        LocalDurableLog.Stopped(logger, elapsed.ElapsedMilliseconds);
    }
}
