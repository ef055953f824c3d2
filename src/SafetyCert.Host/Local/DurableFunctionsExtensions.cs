using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Options;

namespace SafetyCert.Host.Local;

/// <summary>Registers the orchestrator and activity functions of the index with a Durable Task worker, by their function names.</summary>
public static class DurableFunctionsExtensions
{
    /// <summary>
    /// Adds every <c>[OrchestrationTrigger]</c> and <c>[ActivityTrigger]</c> function to <paramref name="registry"/>.
    /// <paramref name="services"/> creates the functions' classes; its <see cref="DurableTaskWorkerOptions"/> (default
    /// name) supply the data converter that turns raw orchestration input into the type <c>GetInput&lt;T&gt;</c> asks for.
    /// </summary>
    public static DurableTaskRegistry AddDurableFunctions(this DurableTaskRegistry registry, FunctionIndex index, IServiceProvider services) =>
        registry.AddDurableFunctions(index, services, Options.DefaultName);

    /// <summary>
    /// Adds the functions of the <see cref="FunctionIndex"/> registered by <c>AddLocalFunctions</c> to this worker, with
    /// the worker's own services and data converter.
    /// </summary>
    public static IDurableTaskWorkerBuilder AddDurableFunctions(this IDurableTaskWorkerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DurableTaskRegistry>(builder.Name).Configure<IServiceProvider>((registry, services) =>
            registry.AddDurableFunctions(services.GetRequiredService<FunctionIndex>(), services, builder.Name));
        return builder;
    }

    private static DurableTaskRegistry AddDurableFunctions(this DurableTaskRegistry registry, FunctionIndex index, IServiceProvider services, string workerName)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(services);

        // Read at the first conversion, not now: the worker's options may themselves be built from this registry.
        var converter = new Lazy<DataConverter>(() =>
            services.GetService<IOptionsMonitor<DurableTaskWorkerOptions>>()?.Get(workerName).DataConverter ?? JsonDataConverter.Default);
        // One stateless instance each: every run creates the function's class anew.
        foreach (var function in index.OfKind(FunctionKind.Orchestration))
        {
            registry.AddOrchestrator(function.Name, new FunctionOrchestrator(function, services, () => converter.Value));
        }

        foreach (var function in index.OfKind(FunctionKind.Activity))
        {
            registry.AddActivity(function.Name, new FunctionActivity(function, services));
        }

        return registry;
    }
}
