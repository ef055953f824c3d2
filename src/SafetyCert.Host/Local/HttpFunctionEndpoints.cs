using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace SafetyCert.Host.Local;

/// <summary>
/// Maps every HTTP function to <c>/{RoutePrefix}/{Route}</c> with its methods, and answers as the Functions ASP.NET Core
/// integration does: an <see cref="IActionResult"/> or <see cref="IResult"/> is executed, anything else leaves the
/// response as the function left it (an empty 200), and an exception reaches ASP.NET Core.
/// </summary>
public static class HttpFunctionEndpoints
{
    /// <summary>Maps the HTTP functions of the <see cref="FunctionIndex"/> registered by <c>AddLocalFunctions</c>.</summary>
    public static RouteGroupBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapHttpFunctions(endpoints.ServiceProvider.GetRequiredService<FunctionIndex>());
    }

    /// <returns>The group under the route prefix, for conventions that apply to every function.</returns>
    public static RouteGroupBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionIndex index)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(index);
        var prefix = endpoints.ServiceProvider.GetService<IOptions<LocalFunctionsOptions>>()?.Value.RoutePrefix ?? LocalFunctionsOptions.DefaultRoutePrefix;
        var group = endpoints.MapGroup("/" + prefix.Trim('/'));
        foreach (var function in index.OfKind(FunctionKind.Http))
        {
            var trigger = (HttpTriggerAttribute)function.Trigger;
            var route = FunctionSignature.RouteOf(function.Name, trigger);
            var methods = trigger.Methods;
            RequestDelegate handler = context => InvokeAsync(function, context);
            var endpoint = methods is { Length: > 0 }
                ? group.MapMethods(route, methods.Select(m => m.ToUpperInvariant()), handler)
                : group.Map(route, handler);
            endpoint.WithDisplayName(function.Name);
        }

        return group;
    }

    private static async Task InvokeAsync(FunctionDescriptor function, HttpContext context)
    {
        var result = await FunctionInvoker.InvokeAsync(function, context.RequestServices, p => Bind(p, context), context.RequestAborted);
        switch (result)
        {
            case IActionResult action:
                await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult http:
                await http.ExecuteAsync(context);
                break;
        }
    }

    private static object? Bind(FunctionParameter parameter, HttpContext context) => parameter.Kind switch
    {
        FunctionParameterKind.HttpRequest => context.Request,
        FunctionParameterKind.RouteValue => RouteValue(parameter, context),
        _ => throw new InvalidOperationException($"An HTTP function has no {parameter.Kind} to bind to '{parameter.Name}'."),
    };

    /// <summary>
    /// A route value converted to the parameter's type. A value that does not convert throws, which answers 500 as the
    /// worker's failed conversion does; a route constraint such as <c>{id:int}</c> answers 404 instead.
    /// </summary>
    private static object? RouteValue(FunctionParameter parameter, HttpContext context)
    {
        var text = context.GetRouteValue(parameter.Name)?.ToString();
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        if (text is null)
        {
            return type == parameter.Type && type.IsValueType
                ? throw new InvalidOperationException($"Route value '{parameter.Name}' is missing and {type.Name} cannot be null.")
                : null;
        }

        try
        {
            return type == typeof(string) ? text
                : type == typeof(int) ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : type == typeof(long) ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : Guid.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"Route value '{parameter.Name}' = '{text}' is not a {type.Name}.", e);
        }
        catch (OverflowException e)
        {
            throw new InvalidOperationException($"Route value '{parameter.Name}' = '{text}' is out of range for {type.Name}.", e);
        }
    }
}
