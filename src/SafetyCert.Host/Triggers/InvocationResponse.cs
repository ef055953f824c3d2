using System.Text.Json.Serialization;

namespace SafetyCert.Host.Triggers;

/// <summary>What a custom handler answers the Functions host for one invocation.</summary>
public sealed record InvocationResponse(
    [property: JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: JsonPropertyName("ReturnValue")] object? ReturnValue)
{
    public static InvocationResponse Completed { get; } = new(new Dictionary<string, object?>(), [], null);

    public static InvocationResponse Failed(string log) => new(new Dictionary<string, object?>(), [log], null);
}
