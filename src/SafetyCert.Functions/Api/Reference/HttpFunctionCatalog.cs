using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Functions.Worker;
using SafetyCert.Functions.Access;

namespace SafetyCert.Functions.Api.Reference;

/// <summary>
/// Every HTTP function of the app, read from its own metadata: name, methods and route from <c>[Function]</c> and
/// <c>[HttpTrigger]</c>; the body and the typed result from the handler it passes to <see cref="ApiRequests"/> — the
/// lambda <c>(Caller caller, TBody body) =&gt; …Api.XAsync(…)</c> whose parameters and return type the compiler keeps.
/// </summary>
internal static class HttpFunctionCatalog
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<HttpFunction> All { get; } = Discover(typeof(HttpFunctionCatalog).Assembly);

    public static IReadOnlyList<HttpFunction> Discover(Assembly assembly) =>
    [
        .. from type in assembly.GetTypes()
           where !type.IsDefined(typeof(CompilerGeneratedAttribute), false)
           from method in type.GetMethods(Declared)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           where function is not null
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
           where trigger is not null
           let handlers = HandlersOf(method)
           from verb in trigger.Methods ?? ["get"]
           orderby trigger.Route, verb
           select new HttpFunction(function.Name, verb.ToUpperInvariant(), trigger.Route ?? function.Name, method, BodyOf(handlers), ResultOf(handlers)),
    ];

    /// <summary>The lambdas written inside the function's body: the compiler names them <c>&lt;Method&gt;b__…</c>, on the class or a closure nested in it.</summary>
    private static List<MethodInfo> HandlersOf(MethodInfo function)
    {
        var prefix = $"<{function.Name}>b__";
        return [.. Nested(function.DeclaringType!).SelectMany(t => t.GetMethods(Declared)).Where(m => m.Name.StartsWith(prefix, StringComparison.Ordinal))];
    }

    private static IEnumerable<Type> Nested(Type type) => [type, .. type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public).SelectMany(Nested)];

    /// <summary>The body of <c>(Caller, TBody)</c>, or the checked request a step is built from.</summary>
    private static Type? BodyOf(List<MethodInfo> handlers) =>
        handlers.Select(h => h.GetParameters()).Select(p => p switch
        {
            [{ ParameterType: var c }, { ParameterType: var body }] when c == typeof(Caller) => body,
            [{ ParameterType: var body }, ..] when typeof(IApiRequest).IsAssignableFrom(body) => body,
            _ => null,
        }).FirstOrDefault(t => t is not null);

    /// <summary>The handler's declared result (<c>Results&lt;Ok&lt;T&gt;, ProblemHttpResult&gt;</c>), unless it answers a plain <see cref="IResult"/>.</summary>
    private static Type? ResultOf(List<MethodInfo> handlers) =>
        handlers.Select(h => h.ReturnType)
            .Select(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Task<>) ? t.GetGenericArguments()[0] : t)
            .FirstOrDefault(t => t != typeof(IResult) && typeof(IResult).IsAssignableFrom(t));
}
