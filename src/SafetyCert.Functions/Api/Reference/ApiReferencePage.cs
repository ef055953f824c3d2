using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SafetyCert.Functions.Api.Reference;

/// <summary>
/// <c>/api/docs</c>: the OpenAPI document as one self-contained page — every operation with its parameters, body and
/// responses, then every schema with its properties. No script; its one style sheet is allowed by hash.
/// </summary>
internal static class ApiReferencePage
{
    private const string Style = "body{font:14px/1.5 system-ui,sans-serif;margin:2em;max-width:72em}table{border-collapse:collapse;margin:.5em 0 1.5em}"
        + "td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left;vertical-align:top}code{font-size:13px}.m{font-weight:bold}";

    public static readonly string Policy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static string Render(JsonObject document)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>SafetyCert API reference</title><style>")
            .Append(Style).Append("</style></head><body><h1>SafetyCert API reference</h1><p>")
            .Append(E(document["info"]?["description"]?.GetValue<string>()))
            .Append("</p><p>The same document as OpenAPI 3.1: <a href=\"openapi/v1.json\">/api/openapi/v1.json</a>. Paths are under <code>/api</code>.</p>");

        var operations = (from path in document["paths"]!.AsObject()
                          from op in path.Value!.AsObject()
                          let tag = op.Value!["tags"]![0]!.GetValue<string>()
                          orderby tag, path.Key, op.Key
                          select (Tag: tag, Path: path.Key, Method: op.Key.ToUpperInvariant(), Op: op.Value!.AsObject())).ToList();
        html.Append("<h2>Operations (").Append(operations.Count).Append(")</h2>");
        foreach (var group in operations.GroupBy(o => o.Tag))
        {
            html.Append("<h3>").Append(E(group.Key)).Append("</h3><table><tr><th>method</th><th>path</th><th>operation</th><th>body</th><th>responses</th><th>token</th></tr>");
            foreach (var (_, path, method, op) in group)
            {
                html.Append("<tr><td class=\"m\">").Append(method).Append("</td><td><code>").Append(E(path)).Append("</code></td><td>")
                    .Append(E(op["operationId"]!.GetValue<string>())).Append("</td><td>").Append(Body(op)).Append("</td><td>")
                    .Append(string.Join("<br>", op["responses"]!.AsObject().Select(r => $"{E(r.Key)} {Content(r.Value)}")))
                    .Append("</td><td>").Append(op["security"]!.AsArray().Count > 0 ? "bearer" : "none").Append("</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append("<h2>Schemas</h2>");
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject().OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            html.Append("<h3 id=\"").Append(E(name)).Append("\">").Append(E(name)).Append("</h3>");
            if (schema?["enum"] is JsonArray values)
            {
                html.Append("<p>One of: ").Append(string.Join(", ", values.Select(v => $"<code>{E(v?.ToJsonString())}</code>"))).Append("</p>");
            }

            if (schema?["properties"] is JsonObject properties)
            {
                html.Append("<table><tr><th>property</th><th>schema</th></tr>");
                foreach (var (property, value) in properties)
                {
                    html.Append("<tr><td><code>").Append(E(property)).Append("</code></td><td><code>").Append(E(value?.ToJsonString())).Append("</code></td></tr>");
                }

                html.Append("</table>");
            }
        }

        return html.Append("</body></html>").ToString();
    }

    private static string Body(JsonObject op) =>
        op["requestBody"]?["content"] is JsonObject content ? string.Join("<br>", content.Select(c => $"{E(c.Key)} {Schema(c.Value?["schema"])}")) : "";

    private static string Content(JsonNode? response) =>
        response?["content"] is JsonObject content ? string.Join(", ", content.Select(c => $"{E(c.Key)} {Schema(c.Value?["schema"])}")) : E(response?["description"]?.GetValue<string>());

    private static string Schema(JsonNode? schema) => schema switch
    {
        JsonObject o when o["$ref"] is JsonValue r => Link(r.GetValue<string>()),
        JsonObject o when o["items"]?["$ref"] is JsonValue r => $"array of {Link(r.GetValue<string>())}",
        _ => $"<code>{E(schema?.ToJsonString())}</code>",
    };

    private static string Link(string reference)
    {
        var name = reference[(reference.LastIndexOf('/') + 1)..];
        return $"<a href=\"#{E(name)}\">{E(name)}</a>";
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
