namespace SafetyCert.Host.Local;

/// <summary>One parameter of a function method and where its value comes from.</summary>
internal sealed record FunctionParameter(string Name, Type Type, FunctionParameterKind Kind);
