using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Functions.Api.Reference;

/// <summary>
/// The OpenAPI 3.1 document of every HTTP function (<see cref="HttpFunctionCatalog"/>), built once: schemas from the request
/// and result types with the app's own JSON options (what clients really send and get), dates as <c>date</c> strings,
/// instants as <c>date-time</c>, enums by name, every error a ProblemDetails, bearer tokens where the function asks for one.
/// </summary>
internal sealed partial class ApiReference(IOptions<JsonOptions> json)
{
    public const string ProblemSchema = "ProblemDetails";
    public const string DocumentKindSchema = "DocumentKind";
    private const string Bearer = "bearer";
    private const string Json = "application/json";

    private readonly Lazy<JsonObject> document = new(() => new Builder(json.Value.SerializerOptions).Build());

    /// <summary>The document (a fresh copy: callers may not change the cached one).</summary>
    public JsonObject Document => (JsonObject)document.Value.DeepClone();

    public string ToJson() => document.Value.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>Routes open to anyone: health, the public verification, and this reference.</summary>
    public static bool IsOpen(string route) =>
        route is "health" or "docs" || route.StartsWith("public/", StringComparison.Ordinal) || route.StartsWith("openapi/", StringComparison.Ordinal);

    /// <summary>The OpenAPI path of a Functions route: constraints dropped (<c>{year:int}</c> is <c>{year}</c>).</summary>
    public static string PathOf(string route) => "/" + Constraint().Replace(route, "{$1}");

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)(?::[^}]*)?\}")]
    private static partial Regex Constraint();

    private sealed class Builder(JsonSerializerOptions options)
    {
        private readonly JsonObject schemas = [];
        private readonly Dictionary<Type, string> names = [];

        public JsonObject Build()
        {
            schemas[ProblemSchema] = ProblemDetails();
            schemas[DocumentKindSchema] = new JsonObject
            {
                ["type"] = "string",
                ["description"] = "The kinds of document the app keeps, each in its own write-once container.",
                ["enum"] = new JsonArray([.. DocumentKinds.All.Select(k => JsonValue.Create(k))]),
            };
            var paths = new JsonObject();
            foreach (var function in HttpFunctionCatalog.All)
            {
                var path = PathOf(function.Route);
                if (paths[path] is not JsonObject item)
                {
                    paths[path] = item = [];
                }

                item[function.Method.ToLowerInvariant()] = Operation(function);
            }

            return new JsonObject
            {
                ["openapi"] = "3.1.1",
                ["info"] = new JsonObject
                {
                    ["title"] = "SafetyCert API",
                    ["version"] = "v1",
                    ["description"] = "Enterprise work-safety standardization (安全生产标准化): registration, self-assessment, grading applications, "
                        + "reviews, certificates, revocation and supervision. Dates are yyyy-MM-dd in Beijing time; every error is a ProblemDetails "
                        + "whose status is the HTTP status.",
                },
                ["servers"] = new JsonArray(new JsonObject { ["url"] = "/api" }),
                ["paths"] = paths,
                ["components"] = new JsonObject
                {
                    ["schemas"] = schemas,
                    ["securitySchemes"] = new JsonObject
                    {
                        [Bearer] = new JsonObject
                        {
                            ["type"] = "http",
                            ["scheme"] = "bearer",
                            ["bearerFormat"] = "JWT",
                            ["description"] = "Entra ID in Azure; locally a token from `safetycert token`.",
                        },
                    },
                },
            };
        }

        private JsonObject Operation(HttpFunction function)
        {
            var open = IsOpen(function.Route);
            var operation = new JsonObject
            {
                ["operationId"] = function.Name,
                ["tags"] = new JsonArray(function.Name.Split('_')[0]),
                ["summary"] = function.Function.GetCustomAttribute<ApiOperationAttribute>()?.Summary ?? Summary(function.Name),
            };
            if (function.Function.GetCustomAttribute<ApiOperationAttribute>()?.Description is { } description)
            {
                operation["description"] = description;
            }

            var parameters = new JsonArray();
            foreach (Match m in Regex.Matches(function.Route, @"\{([A-Za-z0-9_]+)(:int)?[^}]*\}"))
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = m.Groups[1].Value,
                    ["in"] = "path",
                    ["required"] = true,
                    ["schema"] = new JsonObject { ["type"] = m.Groups[2].Success ? "integer" : "string" },
                });
            }

            var hasParameters = parameters.Count > 0;
            foreach (var query in function.Function.GetCustomAttributes(typeof(ApiQueryAttribute), false).Cast<ApiQueryAttribute>())
            {
                parameters.Add(new JsonObject
                {
                    ["name"] = query.Name,
                    ["in"] = "query",
                    ["required"] = false,
                    ["description"] = query.Description,
                    ["schema"] = query.Type switch
                    {
                        "integer" or "boolean" or "string" => new JsonObject { ["type"] = query.Type },
                        "date" => new JsonObject { ["type"] = "string", ["format"] = "date" },
                        var component => Ref(component),
                    },
                });
            }

            if (parameters.Count > 0)
            {
                operation["parameters"] = parameters;
            }

            var forms = function.Function.GetCustomAttributes(typeof(ApiRequestBodyAttribute), false).Cast<ApiRequestBodyAttribute>().ToList();
            if (function.Body is { } body)
            {
                operation["requestBody"] = new JsonObject
                {
                    ["required"] = true,
                    ["content"] = new JsonObject { [Json] = BodyContent(function, body) },
                };
            }
            else if (forms.Count > 0)
            {
                var content = new JsonObject();
                foreach (var form in forms)
                {
                    content[form.MediaType] = new JsonObject { ["schema"] = FormSchema(form.MediaType) };
                }

                operation["requestBody"] = new JsonObject { ["required"] = true, ["content"] = content };
            }

            var responses = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
            var problems = false;
            foreach (var result in Flatten(function.Result))
            {
                var definition = result.IsGenericType ? result.GetGenericTypeDefinition() : result;
                var value = result.IsGenericType ? result.GetGenericArguments()[0] : null;
                if (definition == typeof(ProblemHttpResult) || definition == typeof(ValidationProblem))
                {
                    problems = true;
                }
                else if (definition == typeof(Ok<>) || definition == typeof(JsonHttpResult<>))
                {
                    responses["200"] = Response("OK", Json, SchemaFor(value!));
                }
                else if (definition == typeof(Created<>))
                {
                    responses["201"] = Response("Created", Json, SchemaFor(value!));
                }
                else if (definition == typeof(Ok))
                {
                    responses["200"] = Response("OK");
                }
                else if (definition == typeof(NoContent))
                {
                    responses["204"] = Response("Done; no content.");
                }
                else if (definition == typeof(RedirectHttpResult))
                {
                    responses["302"] = Response("Found: the Location header holds a read-only link.");
                }
            }

            foreach (var declared in function.Function.GetCustomAttributes(typeof(ApiResponseAttribute), false).Cast<ApiResponseAttribute>())
            {
                responses[declared.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] =
                    declared.MediaType == ApiResponseAttribute.Problem ? Problem(Describe(declared.Status))
                    : declared.Type is { } type ? Response(Describe(declared.Status), declared.MediaType, SchemaFor(type))
                    : Response(Describe(declared.Status), declared.MediaType, new JsonObject { ["type"] = "string" });
            }

            if (problems || function.Body is not null || forms.Count > 0)
            {
                responses["400"] = Problem("The request is invalid: each bad field is named under errors.");
            }

            if (!open)
            {
                responses["401"] = Problem("No valid bearer token.");
                responses["403"] = Problem("The caller's role or scope may not do this.");
                operation["security"] = new JsonArray(new JsonObject { [Bearer] = new JsonArray() });
            }
            else
            {
                operation["security"] = new JsonArray();
            }

            if (hasParameters && problems)
            {
                responses["404"] = Problem("No such record, or one the caller may not see.");
            }

            if (problems && function.Method is "POST" or "PUT" or "DELETE")
            {
                responses["409"] = Problem("Conflicts with the current state; a workflow's refusal carries its state in workflowStatus.");
                responses["422"] = Problem("Understood but refused: failed conditions, documents of the wrong kind, a reused idempotency key.");
            }

            operation["responses"] = new JsonObject([.. responses.Select(r => KeyValuePair.Create(r.Key, (JsonNode?)r.Value))]);
            return operation;
        }

        private static Type[] Flatten(Type? result) =>
            result is null ? []
            : result.IsGenericType && result.GetGenericTypeDefinition().FullName!.StartsWith("Microsoft.AspNetCore.Http.HttpResults.Results`", StringComparison.Ordinal)
                ? result.GetGenericArguments()
                : [result];

        // The body's schema, with the operation's example request where it gives one.
        private JsonObject BodyContent(HttpFunction function, Type body)
        {
            var content = new JsonObject { ["schema"] = SchemaFor(body) };
            if (function.Function.GetCustomAttribute<ApiOperationAttribute>()?.Example is { } example)
            {
                content["example"] = JsonNode.Parse(example);
            }

            return content;
        }

        /// <summary>The summary made from a function's name, for a function that states none (the reference tests refuse one).</summary>
        internal static string Summary(string name) => string.Join(' ', Regex.Split(name.Replace('_', ' '), "(?<=[a-z])(?=[A-Z])"));

        private static string Describe(int status) => status switch
        {
            200 => "OK",
            201 => "Created",
            204 => "Done; no content.",
            302 => "Found",
            404 => "No such record.",
            409 => "Conflicts with the current state; a workflow's refusal carries its state in workflowStatus.",
            413 => "Too large.",
            415 => "Unsupported media type.",
            422 => "Understood but refused.",
            429 => "Too many requests; Retry-After says when to try again.",
            503 => "Unhealthy.",
            _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        private static JsonObject Response(string description, string? mediaType = null, JsonNode? schema = null)
        {
            var response = new JsonObject { ["description"] = description };
            if (mediaType is not null)
            {
                response["content"] = new JsonObject { [mediaType] = new JsonObject { ["schema"] = schema } };
            }

            return response;
        }

        private static JsonObject Problem(string description) =>
            Response(description, "application/problem+json", Ref(ProblemSchema));

        private static JsonObject Ref(string name) => new() { ["$ref"] = $"#/components/schemas/{name}" };

        private static JsonObject FormSchema(string mediaType) => mediaType == "multipart/form-data"
            ? new JsonObject
            {
                ["type"] = "object",
                ["required"] = new JsonArray("kind", "file"),
                ["properties"] = new JsonObject
                {
                    ["kind"] = Ref(DocumentKindSchema),
                    ["file"] = new JsonObject { ["type"] = "string", ["format"] = "binary" },
                },
            }
            : new JsonObject { ["type"] = "string", ["format"] = "binary" };

        /// <summary>A reference to the type's component (added on first use); a list of them as an array of references; simple types inline.</summary>
        private JsonNode SchemaFor(Type type)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (type != typeof(string) && ElementOf(type) is { } element && !IsDictionary(type))
            {
                return new JsonObject { ["type"] = "array", ["items"] = SchemaFor(element) };
            }

            if (type.Namespace?.StartsWith("SafetyCert", StringComparison.Ordinal) != true || type.IsEnum)
            {
                return Export(type, "#");
            }

            if (!names.TryGetValue(type, out var name))
            {
                name = NameOf(type);
                while (schemas.ContainsKey(name))
                {
                    name += "_";
                }

                names[type] = name;
                schemas[name] = new JsonObject();
                schemas[name] = Export(type, $"#/components/schemas/{name}");
            }

            return Ref(name);
        }

        private static string NameOf(Type type) => type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] + "Of" + string.Concat(type.GetGenericArguments().Select(NameOf))
            : type.Name;

        private static bool IsDictionary(Type type) =>
            type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) || i == typeof(IDictionary));

        private static Type? ElementOf(Type type) =>
            type.IsArray ? type.GetElementType()
            : typeof(IEnumerable).IsAssignableFrom(type)
                ? type.GetInterfaces().Append(type).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0]
                : null;

        /// <summary>The type's schema as the app's JSON options write it; its own recursive references re-rooted at <paramref name="root"/>.</summary>
        private JsonNode Export(Type type, string root)
        {
            var schema = options.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions
            {
                TreatNullObliviousAsNonNullable = true,
                TransformSchemaNode = Transform,
            });
            Reroot(schema, root);
            return schema;
        }

        private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema)
        {
            var type = context.TypeInfo.Type;
            var nullable = Nullable.GetUnderlyingType(type) is not null;
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (context.PropertyInfo is { Name: "kind", DeclaringType: var owner } && owner == typeof(Document))
            {
                return Ref(DocumentKindSchema);
            }

            if (underlying.Namespace == "NodaTime")
            {
                var format = underlying == typeof(LocalDate) ? "date"
                    : underlying == typeof(Instant) || underlying == typeof(OffsetDateTime) || underlying == typeof(ZonedDateTime) ? "date-time"
                    : null;
                var text = new JsonObject { ["type"] = nullable ? new JsonArray("string", "null") : "string" };
                if (format is not null)
                {
                    text["format"] = format;
                }

                return text;
            }

            // A value the serializer takes as is (JsonElement, object) is any JSON: an empty schema rather than `true`.
            return schema is JsonValue value && value.TryGetValue<bool>(out var any) ? (any ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() }) : schema;
        }

        private static void Reroot(JsonNode? node, string root)
        {
            switch (node)
            {
                case JsonObject o:
                    if (o["$ref"] is JsonValue r && r.GetValue<string>() is { } target && target.StartsWith('#') && !target.StartsWith("#/components/", StringComparison.Ordinal))
                    {
                        o["$ref"] = root + target[1..];
                    }

                    foreach (var (_, child) in o.ToList())
                    {
                        Reroot(child, root);
                    }

                    break;
                case JsonArray a:
                    foreach (var child in a)
                    {
                        Reroot(child, root);
                    }

                    break;
            }
        }

        private static JsonObject ProblemDetails() => new()
        {
            ["type"] = "object",
            ["description"] = "RFC 9457 problem details. status is always the HTTP status; a refused workflow step adds workflowStatus.",
            ["properties"] = new JsonObject
            {
                ["type"] = new JsonObject { ["type"] = "string", ["format"] = "uri" },
                ["title"] = new JsonObject { ["type"] = "string" },
                ["status"] = new JsonObject { ["type"] = "integer" },
                ["detail"] = new JsonObject { ["type"] = "string" },
                ["instance"] = new JsonObject { ["type"] = "string" },
                ["errors"] = new JsonObject
                {
                    ["type"] = "object",
                    ["description"] = "Each bad field (camelCase, as in JSON) with what is wrong.",
                    ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                },
                ["workflowStatus"] = new JsonObject { ["type"] = "string", ["description"] = "The workflow's state when it refused a step." },
            },
            ["required"] = new JsonArray("type", "title", "status"),
            ["examples"] = new JsonArray(new JsonObject
            {
                ["type"] = ApiProblems.TypeBase + "rejected",
                ["title"] = "The step is not allowed now",
                ["status"] = 409,
                ["detail"] = "The certificate has expired.",
                ["workflowStatus"] = "Expired",
            }),
        };
    }
}
