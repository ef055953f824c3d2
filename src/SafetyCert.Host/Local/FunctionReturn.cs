namespace SafetyCert.Host.Local;

/// <summary>
/// A function method's return type taken apart: how to await what it returns, and the type of the value that
/// comes out (<see langword="null"/> for <c>void</c>, <see cref="Task"/> and <see cref="ValueTask"/>).
/// </summary>
internal sealed class FunctionReturn
{
    private readonly Func<object?, ValueTask<object?>> unwrap;

    private FunctionReturn(Type? valueType, Func<object?, ValueTask<object?>> unwrap)
    {
        ValueType = valueType;
        this.unwrap = unwrap;
    }

    /// <summary>The produced value's type: <c>T</c> of <c>T</c>, <c>Task&lt;T&gt;</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    public Type? ValueType { get; }

    public static FunctionReturn Of(Type returnType, string functionName)
    {
        InvalidOperationException NullTask() => new($"Function '{functionName}' returned null instead of a task.");

        if (returnType == typeof(void))
        {
            return new(null, static _ => ValueTask.FromResult<object?>(null));
        }

        if (returnType == typeof(Task))
        {
            return new(null, async returned =>
            {
                // The continuation stays on the caller's scheduler: an orchestrator must resume on the orchestration's.
                await ((Task?)returned ?? throw NullTask()).ConfigureAwait(true);
                return null;
            });
        }

        if (returnType == typeof(ValueTask))
        {
            return new(null, static async returned =>
            {
                await ((ValueTask)returned!).ConfigureAwait(true);
                return null;
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var result = returnType.GetProperty(nameof(Task<>.Result))!;
            return new(returnType.GetGenericArguments()[0], async returned =>
            {
                var task = (Task?)returned ?? throw NullTask();
                await task.ConfigureAwait(true);
                return result.GetValue(task);
            });
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var valueType = returnType.GetGenericArguments()[0];
            var asTask = returnType.GetMethod(nameof(ValueTask<>.AsTask))!;
            var result = typeof(Task<>).MakeGenericType(valueType).GetProperty(nameof(Task<>.Result))!;
            return new(valueType, async returned =>
            {
                var task = (Task)asTask.Invoke(returned, null)!;
                await task.ConfigureAwait(true);
                return result.GetValue(task);
            });
        }

        return new(returnType, static returned => ValueTask.FromResult(returned));
    }

    /// <summary>Awaits what the method returned, if it is awaitable, and gives the value it produced.</summary>
    public ValueTask<object?> AwaitAsync(object? returned) => unwrap(returned);
}
