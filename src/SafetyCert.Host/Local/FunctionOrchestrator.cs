using Microsoft.DurableTask;

namespace SafetyCert.Host.Local;

/// <summary>
/// An orchestrator function as a Durable Task orchestrator. Its class is created from the root services: an episode's
/// task may never complete (it is abandoned at an await), so a scope could not be disposed, and an orchestrator that
/// needs scoped services is not deterministic anyway.
/// </summary>
internal sealed class FunctionOrchestrator(
    FunctionDescriptor function, IServiceProvider services, Func<DataConverter> converter) : ITaskOrchestrator
{
    // An input parameter declares the input's type, as in Functions; otherwise GetInput<T> converts the raw input.
    public Type InputType => function.ParameterType(FunctionParameterKind.OrchestrationInput) ?? typeof(object);

    public Type OutputType => function.Returns.ValueType ?? typeof(object);

    public async Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var wrapped = new FunctionOrchestrationContext(
            context, input, converter, services.GetService<ILoggerFactory>() ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        // Awaited on the orchestration's scheduler, where the orchestrator's own continuations run too.
        return await FunctionInvoker.InvokeAsync(
            function,
            services,
            p => p.Kind switch
            {
                FunctionParameterKind.OrchestrationContext => wrapped,
                FunctionParameterKind.OrchestrationInput => input,
                _ => throw new InvalidOperationException($"An orchestrator has no {p.Kind} to bind to '{p.Name}'."),
            },
            CancellationToken.None).ConfigureAwait(true);
    }
}
