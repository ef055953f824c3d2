namespace SafetyCert.Functions.Api.Reference;

/// <summary>
/// What an HTTP function does, for the API reference: a one-line summary, optionally a longer description and an example
/// request body (JSON) for the operations clients write most.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class ApiOperationAttribute(string summary) : Attribute
{
    public string Summary { get; } = summary;

    public string? Description { get; init; }

    /// <summary>An example of the JSON request body, as a client would send it.</summary>
    public string? Example { get; init; }
}
