using Microsoft.DurableTask;

namespace SafetyCert.Host.Local;

/// <summary>
/// An activity function as a Durable Task activity: the worker deserializes the input to the <c>[ActivityTrigger]</c>
/// parameter's type, and the return value becomes the activity's output. Each run gets its own service scope.
/// </summary>
internal sealed class FunctionActivity(FunctionDescriptor function, IServiceProvider services) : ITaskActivity
{
    public Type InputType => function.ParameterType(FunctionParameterKind.ActivityInput)!;

    public Type OutputType => function.Returns.ValueType ?? typeof(object);

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        // The Durable worker hands activities no token; as in Functions, a stopping host cancels the invocation.
        var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        await using var scope = services.CreateAsyncScope();
        return await FunctionInvoker.InvokeAsync(
            function,
            scope.ServiceProvider,
            p => p.Kind == FunctionParameterKind.ActivityInput
                ? input
                : throw new InvalidOperationException($"An activity has no {p.Kind} to bind to '{p.Name}'."),
            stopping);
    }
}
