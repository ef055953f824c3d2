using System.Net;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.OpenApi;
using NodaTime;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The API reference: an OpenAPI document that a standard reader accepts, with every HTTP function of the app in it.</summary>
public sealed partial class ApiReferenceTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    // A POST that takes no body: the step is the request itself.
    private static readonly HashSet<string> Bodiless = ["Applications_Draw", "SpotChecks_Draw"];

    [Fact]
    public async Task The_document_is_valid_OpenAPI_and_lists_every_HTTP_function_with_its_schemas()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var response = await host.SendAsync(HttpMethod.Get, "/api/openapi/v1.json", caller: null);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);

        var (parsed, diagnostic) = OpenApiDocument.Parse(text, "json");
        Assert.NotNull(parsed);
        Assert.True(diagnostic!.Errors.Count == 0, string.Join("\n", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);

        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        var paths = root.GetProperty("paths");
        var missing = new List<string>();
        var summaries = new HashSet<string>(StringComparer.Ordinal);
        var functions = HttpFunctions().ToList();
        Assert.True(functions.Count > 70, $"only {functions.Count} HTTP functions found");
        foreach (var (name, method, route) in functions)
        {
            var path = "/" + Constraint().Replace(route, "{$1}");
            if (!paths.TryGetProperty(path, out var item) || !item.TryGetProperty(method, out var operation))
            {
                missing.Add($"{name}: {method.ToUpperInvariant()} {path} is not in the document");
                continue;
            }

            Assert.Equal(name, operation.GetProperty("operationId").GetString());
            // A summary says what the operation does: not one made from the function's name ("Enterprises Register").
            var generated = string.Join(' ', Regex.Split(name.Replace('_', ' '), "(?<=[a-z])(?=[A-Z])"));
            if (!operation.TryGetProperty("summary", out var summary) || string.IsNullOrWhiteSpace(summary.GetString()) || summary.GetString() == generated)
            {
                missing.Add($"{name}: no summary of its own");
            }
            else if (!summaries.Add(summary.GetString()!))
            {
                missing.Add($"{name}: the same summary as another operation");
            }

            if (method is "post" or "put" && !Bodiless.Contains(name)
                && !(operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _))))
            {
                missing.Add($"{name}: no request schema");
            }

            var responses = operation.GetProperty("responses").EnumerateObject().ToList();
            var success = responses.Where(r => r.Name[0] is '2' or '3').ToList();
            if (success.Count == 0)
            {
                missing.Add($"{name}: no success response");
            }

            if (success.Any(r => r.Name != "204" && r.Name[0] == '2' && !(r.Value.TryGetProperty("content", out var content) && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _)))))
            {
                missing.Add($"{name}: a success response without a schema");
            }

            // Every error is a ProblemDetails.
            foreach (var error in responses.Where(r => r.Name[0] is '4'))
            {
                Assert.Equal("#/components/schemas/ProblemDetails", error.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString());
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));

        // The main writes carry an example request that names the fields their schema requires.
        foreach (var (path, method) in new[] { ("/enterprises", "post"), ("/applications", "post"), ("/enterprises/{id}/self-assessments/{year}", "post"), ("/certificates/{id}/accidents", "post"), ("/certificates/{id}/revocation", "post"), ("/review-organizations", "post"), ("/review-organizations/{id}/units/{unitId}", "put") })
        {
            var content = paths.GetProperty(path).GetProperty(method).GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.True(content.TryGetProperty("example", out var example), $"{method} {path}: no example");
            var schema = Resolve(root, content.GetProperty("schema").GetProperty("$ref").GetString()!)!.Value;
            if (schema.TryGetProperty("required", out var required))
            {
                Assert.All(required.EnumerateArray(), r => Assert.True(example.TryGetProperty(r.GetString()!, out _), $"{method} {path}: the example lacks {r.GetString()}"));
            }
        }

        // Every reference resolves inside the document.
        foreach (var reference in References(root))
        {
            Assert.True(Resolve(root, reference) is not null, $"{reference} does not resolve");
        }

        var schemas = root.GetProperty("components").GetProperty("schemas");
        Assert.Equal(DocumentKinds.All, schemas.GetProperty("DocumentKind").GetProperty("enum").EnumerateArray().Select(k => k.GetString()!));

        // Dates as the API writes them: yyyy-MM-dd strings.
        var licence = paths.GetProperty("/enterprises/{id}/licence").GetProperty("put").GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var validUntil = Resolve(root, licence.GetProperty("$ref").GetString()!)!.Value.GetProperty("properties").GetProperty("validUntil");
        Assert.Equal("date", validUntil.GetProperty("format").GetString());
        // The query parameters the functions read; the documents' kind is the listed enum.
        var search = paths.GetProperty("/certificates").GetProperty("get").GetProperty("parameters").EnumerateArray().ToList();
        Assert.Equal("date", Assert.Single(search, p => p.GetProperty("name").GetString() == "expiringBefore").GetProperty("schema").GetProperty("format").GetString());
        var kind = Assert.Single(paths.GetProperty("/enterprises/{enterpriseId}/documents").GetProperty("get").GetProperty("parameters").EnumerateArray(), p => p.GetProperty("in").GetString() == "query");
        Assert.Equal("#/components/schemas/DocumentKind", kind.GetProperty("schema").GetProperty("$ref").GetString());
        Assert.Equal("bearer", root.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Empty(paths.GetProperty("/health").GetProperty("get").GetProperty("security").EnumerateArray());
    }

    [Fact]
    public async Task The_reference_page_lists_every_operation_without_a_token()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var response = await host.SendAsync(HttpMethod.Get, "/api/docs", caller: null);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var missing = HttpFunctions().Where(f => !page.Contains($"<td>{f.Name}</td>", StringComparison.Ordinal)).Select(f => f.Name).ToList();
        Assert.True(missing.Count == 0, "not on the page: " + string.Join(", ", missing));
        foreach (var kind in DocumentKinds.All)
        {
            Assert.Contains(kind, page, StringComparison.Ordinal);
        }
    }

    /// <summary>Every HTTP function of the function app, read from its attributes here rather than from the app's own catalogue.</summary>
    private static IEnumerable<(string Name, string Method, string Route)> HttpFunctions() =>
        from type in typeof(DocumentKinds).Assembly.GetTypes()
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let function = method.GetCustomAttribute<FunctionAttribute>()
        let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(t => t is not null)
        where function is not null && trigger is not null
        from verb in trigger.Methods!
        select (function.Name, verb.ToLowerInvariant(), trigger.Route!);

    private static IEnumerable<string> References(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "$ref" && p.Value.ValueKind == JsonValueKind.String ? [p.Value.GetString()!] : References(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(References),
        _ => [],
    };

    private static JsonElement? Resolve(JsonElement root, string reference)
    {
        var node = root;
        foreach (var token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Select(t => t.Replace("~1", "/").Replace("~0", "~")))
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(token, out node))
            {
                return null;
            }
        }

        return node;
    }

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();
}
