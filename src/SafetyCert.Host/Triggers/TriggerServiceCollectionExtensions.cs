using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafetyCert.Host.Triggers;

public static class TriggerServiceCollectionExtensions
{
    /// <summary>
    /// The local trigger runtime as a hosted service. Needs a <see cref="Azure.Storage.Blobs.BlobServiceClient"/>,
    /// the <see cref="Functions.FunctionCatalog"/> and, for queue functions, a <see cref="QueueTriggerListener"/>.
    /// </summary>
    public static IServiceCollection AddTriggerRuntime(this IServiceCollection services)
    {
        services.AddTriggerStorageOptions();
        services.TryAddSingleton(TimeProvider.System);
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
