using System.Text.Json.Nodes;

namespace SafetyCert.Infra.Tests.Templates;

/// <summary>The ARM JSON bicep compiles main.bicep to, with its module templates nested inside.</summary>
public sealed class CompiledTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public string Text { get; } = root.ToJsonString();

    public static CompiledTemplate Parse(string json) =>
        new(JsonNode.Parse(json)?.AsObject() ?? throw new ArgumentException("The compiled template is not a JSON object.", nameof(json)));

    /// <summary>
    /// Every resource of <paramref name="type"/> at any depth: module templates nest in deployments,
    /// and a template with languageVersion 2.0 keeps its resources in an object instead of an array.
    /// </summary>
    public IReadOnlyList<JsonObject> Resources(string type) =>
        Descendants(Root)
            .Where(node => node["apiVersion"] is JsonValue
                && string.Equals((string?)node["type"], type, StringComparison.OrdinalIgnoreCase))
            .ToList();

    public JsonObject Single(string type)
    {
        var resources = Resources(type);
        return resources.Count == 1
            ? resources[0]
            : throw new InvalidOperationException($"Expected one {type} resource, found {resources.Count}.");
    }

    /// <summary>The function app's app settings, name to value (values may be ARM expressions).</summary>
    public IReadOnlyDictionary<string, string> AppSettings() =>
        Single("Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!.AsArray()
            .Select(setting => setting!.AsObject())
            .ToDictionary(setting => (string)setting["name"]!, setting => (string)setting["value"]!);

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject value:
                yield return value;
                foreach (var child in value.SelectMany(property => Descendants(property.Value)))
                {
                    yield return child;
                }
                break;
            case JsonArray array:
                foreach (var child in array.SelectMany(Descendants))
                {
                    yield return child;
                }
                break;
            default:
                break;
        }
    }
}
