namespace SafetyCert.Functions.Api.Reference;

/// <summary>A body an HTTP function reads itself rather than as JSON (a form upload, a register file), for the API reference.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ApiRequestBodyAttribute(string mediaType) : Attribute
{
    public string MediaType { get; } = mediaType;
}
