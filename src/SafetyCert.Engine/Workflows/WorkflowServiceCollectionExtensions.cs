using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using SafetyCert.Engine.Notifications;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Timers;

namespace SafetyCert.Engine.Workflows;

/// <summary>Registers the workflow engine.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="WorkflowEngine"/> and <see cref="TimerSweeper"/> as singletons over the given
    /// workflows, with <see cref="SystemClock"/> as <see cref="IClock"/> and <see cref="TimeProvider.System"/>
    /// unless others are registered. Needs <see cref="StorageServiceCollectionExtensions.AddSafetyCertStorage"/>
    /// and an <see cref="INotificationOutbox"/>.
    /// </summary>
    public static IServiceCollection AddWorkflowEngine(
        this IServiceCollection services, WorkflowRegistry registry, Action<WorkflowEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var options = new WorkflowEngineOptions();
        configure?.Invoke(options);
        services.AddSingleton(registry);
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new WorkflowEngine(
            provider.GetRequiredService<StorageAccount>(),
            registry,
            provider.GetRequiredService<INotificationOutbox>(),
            provider.GetRequiredService<IClock>(),
            options));
        services.AddSingleton(provider => new TimerSweeper(provider.GetRequiredService<WorkflowEngine>()));
        return services;
    }
}
