namespace SafetyCert.Functions.Api.Reference;

/// <summary>A query parameter an HTTP function reads (all are optional), for the API reference.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ApiQueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    /// <summary>integer, boolean, date or string (the default); a component's name (<c>DocumentKind</c>) refers to it.</summary>
    public string Type { get; init; } = "string";
}
