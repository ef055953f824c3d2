using System.Reflection;

namespace SafetyCert.Host.Local;

/// <summary>One <c>[Function]</c> method, checked to bind locally the way the Functions worker binds it in Azure.</summary>
public sealed class FunctionDescriptor
{
    internal FunctionDescriptor(
        string name, MethodInfo method, FunctionKind kind, Attribute trigger, IReadOnlyList<FunctionParameter> parameters, FunctionReturn returns)
    {
        Name = name;
        Method = method;
        Kind = kind;
        Trigger = trigger;
        Parameters = parameters;
        Returns = returns;
    }

    /// <summary>The name in <c>[Function(name)]</c>: the route default, the orchestration or activity name.</summary>
    public string Name { get; }

    public MethodInfo Method { get; }

    public FunctionKind Kind { get; }

    /// <summary>The trigger attribute as written: <c>HttpTriggerAttribute</c>, <c>TimerTriggerAttribute</c>, …</summary>
    public Attribute Trigger { get; }

    internal IReadOnlyList<FunctionParameter> Parameters { get; }

    internal FunctionReturn Returns { get; }

    /// <summary>The declared type of the parameter of <paramref name="kind"/>; <see langword="null"/> when there is none.</summary>
    internal Type? ParameterType(FunctionParameterKind kind) => Parameters.FirstOrDefault(p => p.Kind == kind)?.Type;

    public override string ToString() => $"{Kind} function '{Name}' ({Method.DeclaringType?.FullName}.{Method.Name})";
}
