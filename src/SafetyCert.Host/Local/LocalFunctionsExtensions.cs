using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SafetyCert.Host.Local;

/// <summary>Hosts the function app's <c>[Function]</c> classes in this process, where the Functions host cannot run.</summary>
public static class LocalFunctionsExtensions
{
    /// <summary>
    /// Indexes the functions of <paramref name="functionsAssembly"/> (throwing now on one that could not run as in Azure)
    /// and registers the timer and queue triggers as hosted services. Map the HTTP functions with
    /// <see cref="HttpFunctionEndpoints.MapHttpFunctions(IEndpointRouteBuilder)"/> and add the Durable ones to the worker
    /// with <see cref="DurableFunctionsExtensions.AddDurableFunctions(Microsoft.DurableTask.Worker.IDurableTaskWorkerBuilder)"/>.
    /// </summary>
    public static IServiceCollection AddLocalFunctions(this IServiceCollection services, Assembly functionsAssembly, Action<LocalFunctionsOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var index = new FunctionIndex(functionsAssembly);
        services.AddSingleton(index);
        services.AddOptions<LocalFunctionsOptions>()
            .Configure(configure)
            .Validate(o => !string.IsNullOrWhiteSpace(o.StorageConnectionString), "LocalFunctionsOptions.StorageConnectionString is required (AzureWebJobsStorage).")
            .Validate(o => o.Queues.BatchSize is >= 1 and <= 32, "Queues.BatchSize must be 1 to 32, as Azure Storage receives at most 32 messages at once.")
            .Validate(o => o.Queues.NewBatchThreshold is null or >= 0, "Queues.NewBatchThreshold must not be negative.")
            .Validate(o => o.Queues.MaxDequeueCount >= 1, "Queues.MaxDequeueCount must be at least 1.")
            .Validate(o => o.Queues.VisibilityTimeout >= TimeSpan.Zero && o.Queues.VisibilityTimeout <= TimeSpan.FromDays(7), "Queues.VisibilityTimeout must be 0 to 7 days.")
            .Validate(o => o.Queues.MessageLease >= TimeSpan.FromSeconds(2) && o.Queues.MessageLease <= TimeSpan.FromDays(7), "Queues.MessageLease must be 2 seconds to 7 days.")
            .Validate(o => o.Queues.MinPollingInterval > TimeSpan.Zero && o.Queues.MinPollingInterval <= o.Queues.MaxPollingInterval, "Queues polling intervals must be positive, the minimum not above the maximum.")
            .ValidateOnStart();

        // Executing an IActionResult needs MVC's result executors, as the Functions ASP.NET Core integration registers them.
        services.AddMvcCore();
        services.TryAddSingleton(TimeProvider.System);
        if (index.OfKind(FunctionKind.Timer).Any())
        {
            services.AddHostedService<TimerTriggerService>();
        }

        foreach (var function in index.OfKind(FunctionKind.Queue))
        {
            services.AddSingleton<IHostedService>(provider => ActivatorUtilities.CreateInstance<QueueFunctionListener>(provider, function));
        }

        return services;
    }
}
