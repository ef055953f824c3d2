using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc;
using Microsoft.Extensions.Options;

namespace SafetyCert.Host.Local;

internal static class LocalDurableServiceCollectionExtensions
{
    /// <summary>
    /// Runs the app's orchestrators and activities on a local Durable backend (Azure Storage provider, in-process
    /// sidecar) and registers the <see cref="DurableTaskClient"/> that <c>[DurableClient]</c> parameters receive.
    /// </summary>
    /// <param name="configure">Sets the task hub and storage account; validated when the host starts.</param>
    /// <param name="tasks">Adds the orchestrators and activities the worker runs.</param>
    public static IServiceCollection AddLocalDurable(
        this IServiceCollection services, Action<LocalDurableOptions> configure, Action<IDurableTaskWorkerBuilder> tasks)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ArgumentNullException.ThrowIfNull(tasks);

        services.AddOptions<LocalDurableOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalDurableOptions>, LocalDurableOptionsValidator>();
        services.AddSingleton<LocalDurableChannel>();
        services.AddSingleton<LocalDurableBackend>();
        services.AddHostedService(provider => provider.GetRequiredService<LocalDurableBackend>());

        services.AddDurableTaskWorker(worker =>
        {
            tasks(worker);
            worker.UseGrpc();
        });
        services.AddOptions<GrpcDurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<LocalDurableChannel>((worker, channel) => worker.Channel = channel.Channel);

        // The sidecar's dispatchers apply the same limits (LocalDurableBackend); the worker's own are the base options.
        services.AddOptions<DurableTaskWorkerOptions>(Options.DefaultName)
            .Configure<IOptions<LocalDurableOptions>>((worker, local) =>
            {
                worker.Concurrency.MaximumConcurrentOrchestrationWorkItems = local.Value.MaxConcurrentOrchestrations;
                worker.Concurrency.MaximumConcurrentActivityWorkItems = local.Value.MaxConcurrentActivities;
            });

        services.AddDurableTaskClient(client => client.UseGrpc());
        services.AddOptions<GrpcDurableTaskClientOptions>(Options.DefaultName)
            .Configure<LocalDurableChannel>((client, channel) => client.Channel = channel.Channel);
        return services;
    }
}
