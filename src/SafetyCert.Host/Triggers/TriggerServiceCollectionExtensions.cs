using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafetyCert.Engine.Queues;
using SafetyCert.Engine.Storage;

namespace SafetyCert.Host.Triggers;

public static class TriggerServiceCollectionExtensions
{
    /// <summary>The configuration section of the queue listeners' <see cref="QueueListenerOptions"/>.</summary>
    public const string QueueListenerOptionsSection = "Queues";

    /// <summary>
    /// The local trigger runtime as a hosted service, with the engine's <see cref="QueueListener"/> behind every
    /// queue function. Needs the storage of <c>AddSafetyCertStorage</c> and the <see cref="Functions.FunctionCatalog"/>.
    /// </summary>
    public static IServiceCollection AddTriggerRuntime(this IServiceCollection services)
    {
        services.AddTriggerStorageOptions();
        // Polling is tunable (section Queues) so a test or a development host can notice new messages sooner.
        services.AddOptions<QueueListenerOptions>().BindConfiguration(QueueListenerOptionsSection);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<QueueTriggerListener>(provider => async (trigger, stoppingToken) =>
        {
            var function = trigger.Function;
            var listener = await QueueListener.CreateAsync(
                provider.GetRequiredService<StorageAccount>(),
                function.QueueName,
                function.RunAsync,
                options: provider.GetRequiredService<IOptions<QueueListenerOptions>>().Value,
                time: provider.GetRequiredService<TimeProvider>(),
                onPoison: function.OnPoisonAsync,
                logger: provider.GetRequiredService<ILogger<QueueListener>>(),
                cancellationToken: stoppingToken);
            await listener.RunAsync(stoppingToken);
        });
        services.AddHostedService<TriggerRuntime>();
        return services;
    }

    /// <summary>Binds <see cref="TriggerStorageOptions"/> from the <c>Storage</c> section, checked at start.</summary>
    public static IServiceCollection AddTriggerStorageOptions(this IServiceCollection services)
    {
        services.AddOptions<TriggerStorageOptions>()
            .BindConfiguration(TriggerStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
