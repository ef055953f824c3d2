using System.Reflection;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SafetyCert.Host.Local;

/// <summary>
/// Reads a <c>[Function]</c> method's trigger, parameters and return type, and refuses what the local host could not
/// bind as the Functions worker does in Azure: what runs locally must run there too, so anything else fails at start.
/// </summary>
internal static class FunctionSignature
{
    private static readonly HashSet<Type> RouteValueTypes = [typeof(string), typeof(int), typeof(long), typeof(Guid)];

    public static FunctionDescriptor Read(string name, MethodInfo method)
    {
        CheckMethod(name, method);
        var parameters = method.GetParameters();
        var triggers = parameters.Where(p => p.GetCustomAttribute<TriggerBindingAttribute>() is not null).ToList();
        if (triggers.Count != 1)
        {
            throw Refuse(name, method, triggers.Count == 0 ? "it has no trigger parameter" : "it has more than one trigger parameter");
        }

        var triggerParameter = triggers[0];
        var trigger = triggerParameter.GetCustomAttribute<TriggerBindingAttribute>()!;
        var kind = trigger switch
        {
            HttpTriggerAttribute => FunctionKind.Http,
            TimerTriggerAttribute => FunctionKind.Timer,
            QueueTriggerAttribute => FunctionKind.Queue,
            OrchestrationTriggerAttribute => FunctionKind.Orchestration,
            ActivityTriggerAttribute => FunctionKind.Activity,
            _ => throw Refuse(name, method, $"its trigger [{Short(trigger)}] is not one the local host runs (HTTP, timer, queue, orchestration, activity)"),
        };

        CheckTrigger(name, method, kind, trigger, triggerParameter);
        var route = trigger is HttpTriggerAttribute http ? RouteOf(name, http) : null;
        var routeParameters = route is null ? [] : RouteParameters(name, method, route);
        var bound = parameters
            .Select(p => p == triggerParameter ? TriggerParameter(kind, p) : OtherParameter(name, method, kind, p, route, routeParameters))
            .ToList();
        if (bound.Count(p => p.Kind == FunctionParameterKind.OrchestrationInput) > 1)
        {
            throw Refuse(name, method, "an orchestrator takes at most one input parameter besides its context");
        }

        var returns = FunctionReturn.Of(method.ReturnType, name);
        CheckReturn(name, method, kind, returns);
        return new FunctionDescriptor(name, method, kind, trigger, bound, returns);
    }

    /// <summary>The route template under the route prefix: the trigger's <c>Route</c>, else the function name, as in Functions.</summary>
    public static string RouteOf(string name, HttpTriggerAttribute trigger) => trigger.Route ?? name;

    private static void CheckMethod(string name, MethodInfo method)
    {
        var type = method.DeclaringType!;
        if (!method.IsPublic)
        {
            throw Refuse(name, method, "the method is not public");
        }

        if (method.IsGenericMethodDefinition || type.ContainsGenericParameters)
        {
            throw Refuse(name, method, "a function cannot be generic");
        }

        if (!method.IsStatic && type.IsAbstract)
        {
            throw Refuse(name, method, $"an instance function needs a class that can be created, and {type.Name} is abstract");
        }

        if ((method.GetCustomAttribute<BindingAttribute>() ?? method.ReturnParameter.GetCustomAttribute<BindingAttribute>()) is { } output)
        {
            throw Refuse(name, method, $"output bindings such as [{Short(output)}] are not supported locally");
        }
    }

    private static void CheckTrigger(string name, MethodInfo method, FunctionKind kind, TriggerBindingAttribute trigger, ParameterInfo parameter)
    {
        var expected = kind switch
        {
            FunctionKind.Http => typeof(Microsoft.AspNetCore.Http.HttpRequest),
            FunctionKind.Timer => typeof(TimerInfo),
            FunctionKind.Queue => typeof(string),
            FunctionKind.Orchestration => typeof(TaskOrchestrationContext),
            _ => null,
        };
        if (expected is not null && parameter.ParameterType != expected)
        {
            throw Refuse(name, method, parameter, $"[{Short(trigger)}] binds to {expected.Name} locally, not {parameter.ParameterType.Name}");
        }

        if (kind == FunctionKind.Activity && IsInfrastructure(parameter.ParameterType))
        {
            throw Refuse(name, method, parameter, $"[ActivityTrigger] binds the activity input, not {parameter.ParameterType.Name}");
        }

        switch (trigger)
        {
            case HttpTriggerAttribute { AuthLevel: not AuthorizationLevel.Anonymous } http:
                // Function keys would be checked by the Functions host, which does not run here; the app checks bearer tokens itself.
                throw Refuse(name, method, parameter, $"AuthorizationLevel.{http.AuthLevel} needs function keys; only Anonymous runs locally");
            case HttpTriggerAttribute { Methods: { } methods } when methods.Any(string.IsNullOrWhiteSpace):
                throw Refuse(name, method, parameter, "an HTTP method is empty");
            case QueueTriggerAttribute queue:
                CheckConnection(name, method, parameter, queue.Connection);
                if (!queue.QueueName.Contains('%', StringComparison.Ordinal))
                {
                    QueueNames.Check(name, queue.QueueName.ToLowerInvariant());
                }

                break;
            case TimerTriggerAttribute timer when !timer.Schedule.Contains('%', StringComparison.Ordinal):
                TimerSchedule.Parse(name, timer.Schedule);
                break;
        }
    }

    private static void CheckConnection(string name, MethodInfo method, ParameterInfo parameter, string? connection)
    {
        // The local host knows one storage account, the one Functions calls AzureWebJobsStorage.
        if (connection is { Length: > 0 } && connection != "AzureWebJobsStorage")
        {
            throw Refuse(name, method, parameter, $"Connection '{connection}' names another storage account; only AzureWebJobsStorage runs locally");
        }
    }

    private static FunctionParameter TriggerParameter(FunctionKind kind, ParameterInfo parameter) => new(
        parameter.Name!,
        parameter.ParameterType,
        kind switch
        {
            FunctionKind.Http => FunctionParameterKind.HttpRequest,
            FunctionKind.Timer => FunctionParameterKind.TimerInfo,
            FunctionKind.Queue => FunctionParameterKind.QueueMessage,
            FunctionKind.Orchestration => FunctionParameterKind.OrchestrationContext,
            _ => FunctionParameterKind.ActivityInput,
        });

    private static FunctionParameter OtherParameter(
        string name, MethodInfo method, FunctionKind kind, ParameterInfo parameter, string? route, HashSet<string> routeParameters)
    {
        var type = parameter.ParameterType;
        var parameterName = parameter.Name!;
        FunctionParameter Bound(FunctionParameterKind source) => new(parameterName, type, source);

        if (parameter.GetCustomAttribute<DurableClientAttribute>() is not null)
        {
            if (kind == FunctionKind.Orchestration)
            {
                throw Refuse(name, method, parameter, "an orchestrator cannot take a Durable client; call activities instead");
            }

            return type == typeof(DurableTaskClient)
                ? Bound(FunctionParameterKind.DurableClient)
                : throw Refuse(name, method, parameter, $"[DurableClient] binds to DurableTaskClient locally, not {type.Name}");
        }

        if (parameter.GetCustomAttribute<BindingAttribute>() is { } binding)
        {
            throw Refuse(name, method, parameter, $"[{Short(binding)}] is not a binding the local host supports");
        }

        if (type == typeof(FunctionContext))
        {
            throw Refuse(name, method, parameter, "FunctionContext is not supported locally (only a stub could be built); inject services through the constructor");
        }

        if (kind == FunctionKind.Orchestration)
        {
            // As Functions does: the orchestrator's one parameter without a binding receives its input.
            return IsInfrastructure(type)
                ? throw Refuse(name, method, parameter, $"an orchestrator takes its context and at most an input, not {type.Name}")
                : Bound(FunctionParameterKind.OrchestrationInput);
        }

        if (type == typeof(CancellationToken))
        {
            return Bound(FunctionParameterKind.CancellationToken);
        }

        // Other parameters bind by name from the trigger's binding data, as in the worker.
        if (routeParameters.Contains(parameterName))
        {
            var valueType = Nullable.GetUnderlyingType(type) ?? type;
            return RouteValueTypes.Contains(valueType)
                ? Bound(FunctionParameterKind.RouteValue)
                : throw Refuse(name, method, parameter, $"route values bind to string, int, long or Guid locally, not {type.Name}");
        }

        if (kind == FunctionKind.Queue && string.Equals(parameterName, "dequeueCount", StringComparison.OrdinalIgnoreCase)
            && (type == typeof(long) || type == typeof(int)))
        {
            return Bound(FunctionParameterKind.DequeueCount);
        }

        var hint = route is not null ? $"it is not a parameter of the route '{route}'" : $"a {kind} function binds no such parameter";
        throw Refuse(name, method, parameter, $"{type.Name} {parameterName} has nothing to bind to: {hint}");
    }

    private static HashSet<string> RouteParameters(string name, MethodInfo method, string route)
    {
        try
        {
            return RoutePatternFactory.Parse(route).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (RoutePatternException e)
        {
            throw new InvalidOperationException($"Function '{name}' ({Where(method)}) cannot run: its route '{route}' is not a valid route template: {e.Message}", e);
        }
    }

    private static void CheckReturn(string name, MethodInfo method, FunctionKind kind, FunctionReturn returns)
    {
        var value = returns.ValueType;
        switch (kind)
        {
            case FunctionKind.Http when value is not null
                && !typeof(Microsoft.AspNetCore.Http.IResult).IsAssignableFrom(value)
                && !typeof(Microsoft.AspNetCore.Mvc.IActionResult).IsAssignableFrom(value):
                // Functions answers an empty 200 to any other value; returning a result says what the caller gets.
                throw Refuse(name, method, $"an HTTP function returns IResult or IActionResult (or a task of one), not {value.Name}");
            case FunctionKind.Timer or FunctionKind.Queue when value is not null:
                throw Refuse(name, method, $"a {kind} function returns void, Task or ValueTask; output bindings are not supported locally");
        }
    }

    /// <summary>Types the runtime supplies, which can never be a user's input value.</summary>
    private static bool IsInfrastructure(Type type) =>
        type == typeof(FunctionContext) || type == typeof(CancellationToken) || type == typeof(DurableTaskClient)
        || type == typeof(TaskOrchestrationContext) || type == typeof(TaskActivityContext);

    private static string Short(Attribute attribute) => attribute.GetType().Name.Replace("Attribute", "", StringComparison.Ordinal);

    private static string Where(MethodInfo method) => $"{method.DeclaringType?.FullName}.{method.Name}";

    private static InvalidOperationException Refuse(string name, MethodInfo method, string reason) =>
        new($"Function '{name}' ({Where(method)}) cannot run locally: {reason}.");

    private static InvalidOperationException Refuse(string name, MethodInfo method, ParameterInfo parameter, string reason) =>
        new($"Function '{name}' ({Where(method)}), parameter '{parameter.Name}', cannot run locally: {reason}.");
}
