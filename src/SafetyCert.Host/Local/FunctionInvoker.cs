using System.Reflection;
using Microsoft.DurableTask.Client;

namespace SafetyCert.Host.Local;

/// <summary>Calls one function as the worker does: a new instance of its class from the invocation's services, then the method.</summary>
internal static class FunctionInvoker
{
    /// <param name="bindTrigger">Supplies the trigger's values: the request, the message, the input…</param>
    public static async ValueTask<object?> InvokeAsync(
        FunctionDescriptor function, IServiceProvider services, Func<FunctionParameter, object?> bindTrigger, CancellationToken cancellationToken)
    {
        var arguments = new object?[function.Parameters.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = function.Parameters[i];
            arguments[i] = parameter.Kind switch
            {
                FunctionParameterKind.CancellationToken => cancellationToken,
                FunctionParameterKind.DurableClient => services.GetRequiredService<DurableTaskClient>(),
                _ => bindTrigger(parameter),
            };
        }

        var target = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, function.Method.DeclaringType!);
        // The function's own exception, not a TargetInvocationException, reaches the caller, as in the worker.
        var returned = function.Method.Invoke(target, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        // Resumes where the function resumed: an orchestrator must stay on the orchestration's scheduler.
        return await function.Returns.AwaitAsync(returned).ConfigureAwait(true);
    }
}
