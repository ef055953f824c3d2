namespace SafetyCert.Functions.Api.Reference;

/// <summary>
/// A response the API reference states for an HTTP function whose handler does not return a typed result (a workflow
/// step built from a body, a file, a page). Added to the responses read from the handler's own result type.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class ApiResponseAttribute(int status, string mediaType = "application/json") : Attribute
{
    /// <summary>The media type of an error: the response is a ProblemDetails.</summary>
    public const string Problem = "application/problem+json";

    public int Status { get; } = status;

    public string MediaType { get; } = mediaType;

    /// <summary>The JSON body's type; none for a file, a page or an empty answer.</summary>
    public Type? Type { get; init; }
}
