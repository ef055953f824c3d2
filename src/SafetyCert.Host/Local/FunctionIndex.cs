using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Host.Local;

/// <summary>
/// Every <c>[Function]</c> method of the function app, found by reflection as the Functions SDK finds them, so adding a
/// function needs no local registration. Building the index fails on the first function the local host could not run
/// as Azure runs it, naming the function and the parameter.
/// </summary>
public sealed class FunctionIndex
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public FunctionIndex(Assembly functionsAssembly)
        : this(Types(functionsAssembly))
    {
    }

    internal FunctionIndex(IEnumerable<Type> types)
    {
        var functions = new List<FunctionDescriptor>();
        foreach (var method in types.SelectMany(t => t.GetMethods(Declared)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
            {
                functions.Add(FunctionSignature.Read(function.Name, method));
            }
        }

        // Function names are case-insensitive in Azure.
        if (functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new InvalidOperationException(
                $"Function name '{duplicate.Key}' is used by more than one method: {string.Join(", ", duplicate.Select(f => f.Method.DeclaringType?.FullName + "." + f.Method.Name))}.");
        }

        Functions = [.. functions.OrderBy(f => f.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    public IEnumerable<FunctionDescriptor> OfKind(FunctionKind kind) => Functions.Where(f => f.Kind == kind);

    private static Type[] Types(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes();
    }
}
