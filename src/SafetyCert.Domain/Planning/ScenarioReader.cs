using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Planning;

/// <summary>
/// Reads a scenario file (format in the README, "Planning a lifecycle offline"). Every error names the
/// field's JSON path and its line.
/// </summary>
public static partial class ScenarioReader
{
    private static readonly ImmutableDictionary<string, Type> EventTypes = typeof(WorkflowEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false, IsPublic: true } && t.IsSubclassOf(typeof(WorkflowEvent)) && t.Namespace != typeof(ScenarioReader).Namespace)
        .ToImmutableDictionary(t => t.Name, StringComparer.Ordinal);

    private static readonly ImmutableHashSet<string> TopLevel = ["title", "profile", "region", "industry", "defaults", "until", "events"];
    private static readonly ImmutableHashSet<string> EventFields = ["on", "at", "workflow", "instance", "type", "data"];
    private static readonly ImmutableHashSet<string> DrawFields = ["on", "at", "draw", "data"];

    /// <summary>The <c>draw</c> a scenario may plan: the yearly spot check of new certificates.</summary>
    public const string SpotCheckDraw = "spot-check";

    /// <summary>The event type names a scenario may use.</summary>
    public static IEnumerable<string> KnownEventTypes => EventTypes.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads a scenario; profiles are resolved from <paramref name="profiles"/>.</summary>
    public static Scenario Read(string json, ProfileCatalog profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ScenarioException($"the file is not valid JSON: {FirstSentence(e.Message)}", e.Path, e.LineNumber + 1);
        }

        using (document)
        {
            var lines = JsonLineMap.Build(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ScenarioException("a scenario is a JSON object", "$", lines.LineOf("$"));
            }

            foreach (var property in root.EnumerateObject().Where(p => !TopLevel.Contains(p.Name)))
            {
                throw new ScenarioException(
                    $"unknown field '{property.Name}'; expected one of {string.Join(", ", TopLevel.Order(StringComparer.Ordinal))}",
                    $"$.{property.Name}",
                    lines.LineOf($"$.{property.Name}"));
            }

            var title = OptionalString(root, "title", "$", lines) ?? "Scenario";
            var defaults = root.TryGetProperty("defaults", out var d) ? ObjectOf(d, "$.defaults", lines) : new JsonObject();
            var events = root.TryGetProperty("events", out var e) && e.ValueKind == JsonValueKind.Array
                ? e
                : throw new ScenarioException("'events' is required and must be an array of dated events", "$.events", lines.LineOf("$.events") ?? lines.LineOf("$"));
            if (events.GetArrayLength() == 0)
            {
                throw new ScenarioException("'events' is empty: a scenario needs at least one event", "$.events", lines.LineOf("$.events"));
            }

            var firstDate = DateOf(events[0], "$.events[0]", lines);
            var profile = ResolveProfile(root, defaults, firstDate, profiles, lines);
            defaults["profileId"] ??= profile.Id;

            var read = ImmutableArray.CreateBuilder<ScenarioEvent>();
            var index = 0;
            foreach (var item in events.EnumerateArray())
            {
                read.Add(ReadEvent(item, $"$.events[{index}]", defaults, lines));
                index++;
            }

            for (var i = 1; i < read.Count; i++)
            {
                if (read[i].At < read[i - 1].At)
                {
                    throw new ScenarioException(
                        $"events must be in time order: this one is earlier than the one on line {read[i - 1].Line}",
                        $"$.events[{i}].on",
                        read[i].Line);
                }
            }

            var until = root.TryGetProperty("until", out var u)
                ? ParseDate(u, "$.until", lines)
                : ShanghaiTime.DateOf(read[^1].At).PlusYears(profile.CertificateValidityYears.Value).PlusMonths(1);
            return new Scenario(title, profile.Id, read.ToImmutable(), until);
        }
    }

    private static JurisdictionProfile ResolveProfile(JsonElement root, JsonObject defaults, LocalDate on, ProfileCatalog profiles, JsonLineMap lines)
    {
        try
        {
            if (OptionalString(root, "profile", "$", lines) is { } id)
            {
                return profiles.Get(id, on);
            }

            var region = OptionalString(root, "region", "$", lines) ?? defaults["regionCode"]?.GetValue<string>();
            var industry = OptionalString(root, "industry", "$", lines) ?? defaults["industry"]?.GetValue<string>();
            if (region is null || industry is null)
            {
                throw new ScenarioException("give either 'profile' (a profile id) or 'region' and 'industry' to resolve one", "$", 1);
            }

            return profiles.Resolve(region, industry, on);
        }
        catch (ProfileNotFoundException e)
        {
            var path = root.TryGetProperty("profile", out _) ? "$.profile" : "$.region";
            throw new ScenarioException(e.Message, path, lines.LineOf(path));
        }
    }

    private static ScenarioEvent ReadEvent(JsonElement item, string path, JsonObject defaults, JsonLineMap lines)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new ScenarioException("an event is an object with on, workflow, instance, type and data", path, lines.LineOf(path));
        }

        if (item.TryGetProperty("draw", out _))
        {
            return ReadDraw(item, path, lines);
        }

        foreach (var property in item.EnumerateObject().Where(p => !EventFields.Contains(p.Name)))
        {
            throw new ScenarioException(
                $"unknown field '{property.Name}'; an event has {string.Join(", ", EventFields.Order(StringComparer.Ordinal))}",
                $"{path}.{property.Name}",
                lines.LineOf($"{path}.{property.Name}"));
        }

        var date = DateOf(item, path, lines);
        var time = item.TryGetProperty("at", out var at) ? ParseTime(at, $"{path}.at", lines) : ShanghaiTime.ReminderTime.PlusHours(1);
        var workflow = RequiredString(item, "workflow", path, lines);
        if (!typeof(WorkflowKinds).GetFields().Any(f => (string?)f.GetValue(null) == workflow))
        {
            throw new ScenarioException(
                $"unknown workflow '{workflow}'; known: {string.Join(", ", typeof(WorkflowKinds).GetFields().Select(f => f.GetValue(null)))}",
                $"{path}.workflow",
                lines.LineOf($"{path}.workflow"));
        }

        var instance = RequiredString(item, "instance", path, lines);
        var typeName = RequiredString(item, "type", path, lines);
        if (!EventTypes.TryGetValue(typeName, out var type))
        {
            throw new ScenarioException(
                $"unknown event type '{typeName}'; known: {string.Join(", ", KnownEventTypes)}",
                $"{path}.type",
                lines.LineOf($"{path}.type"));
        }

        var data = item.TryGetProperty("data", out var raw) ? ObjectOf(raw, $"{path}.data", lines) : new JsonObject();
        FillDefaults(data, type, defaults, workflow, instance, date);
        try
        {
            var @event = (WorkflowEvent)data.Deserialize(type, DomainJson.Options)!;
            return new ScenarioEvent(ShanghaiTime.At(date, time), workflow, instance, @event, lines.LineOf(path) ?? 0);
        }
        catch (JsonException e)
        {
            var inner = e.Path is { Length: > 1 } p ? $"{path}.data{p[1..]}" : $"{path}.data";
            throw new ScenarioException($"{typeName}: {FirstSentence(e.Message)}", inner, lines.LineOf(inner) ?? lines.LineOf(path));
        }
    }

    // { "on": "2027-01-15", "draw": "spot-check", "data": { "year": 2026, "seed": "20270115" } }
    private static ScenarioEvent ReadDraw(JsonElement item, string path, JsonLineMap lines)
    {
        foreach (var property in item.EnumerateObject().Where(p => !DrawFields.Contains(p.Name)))
        {
            throw new ScenarioException(
                $"unknown field '{property.Name}'; a draw has {string.Join(", ", DrawFields.Order(StringComparer.Ordinal))}",
                $"{path}.{property.Name}",
                lines.LineOf($"{path}.{property.Name}"));
        }

        if (RequiredString(item, "draw", path, lines) != SpotCheckDraw)
        {
            throw new ScenarioException($"unknown draw; known: {SpotCheckDraw}", $"{path}.draw", lines.LineOf($"{path}.draw"));
        }

        var date = DateOf(item, path, lines);
        var time = item.TryGetProperty("at", out var at) ? ParseTime(at, $"{path}.at", lines) : ShanghaiTime.ReminderTime.PlusHours(1);
        var data = item.TryGetProperty("data", out var raw) && raw.ValueKind == JsonValueKind.Object
            ? raw
            : throw new ScenarioException("a spot-check draw needs 'data' with the year drawn and the seed", $"{path}.data", lines.LineOf(path));
        var year = data.TryGetProperty("year", out var y) && y.ValueKind == JsonValueKind.Number && y.TryGetInt32(out var value) && value >= 2000 && value < date.Year
            ? value
            : throw new ScenarioException($"'year' is the year whose new certificates are drawn: a number from 2000 to {date.Year - 1}, drawn after it ends", $"{path}.data.year", lines.LineOf($"{path}.data.year") ?? lines.LineOf(path));
        var seed = data.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.String && ulong.TryParse(s.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : throw new ScenarioException("'seed' is the recorded seed of the draw, a string of digits (an unsigned 64-bit number)", $"{path}.data.seed", lines.LineOf($"{path}.data.seed") ?? lines.LineOf(path));
        return new ScenarioEvent(ShanghaiTime.At(date, time), SpotCheckDraw, year.ToString(CultureInfo.InvariantCulture), new SpotCheckDrawn(year, seed), lines.LineOf(path) ?? 0);
    }

    /// <summary>
    /// Fields the scenario need not repeat on every event: values from <c>defaults</c>, the instance id
    /// for the workflow's own id field (<c>applicationId</c> on an application), and the event date for
    /// date fields named <c>…On</c>.
    /// </summary>
    private static void FillDefaults(JsonObject data, Type type, JsonObject defaults, string workflow, string instance, LocalDate date)
    {
        var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType != typeof(WorkflowEvent) && p.Name != "EqualityContract")
            .ToDictionary(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name), p => p.PropertyType, StringComparer.Ordinal);
        var ownId = JsonNamingPolicy.CamelCase.ConvertName(string.Concat(workflow.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))) + "Id";
        foreach (var (name, propertyType) in names)
        {
            if (data.ContainsKey(name))
            {
                continue;
            }

            if (defaults[name] is { } value)
            {
                data[name] = value.DeepClone();
            }
            else if (name == ownId)
            {
                data[name] = instance;
            }
            else if ((name == "on" || name.EndsWith("On", StringComparison.Ordinal)) && (propertyType == typeof(LocalDate) || propertyType == typeof(LocalDate?)))
            {
                data[name] = LocalDatePattern.Iso.Format(date);
            }
        }
    }

    private static LocalDate DateOf(JsonElement item, string path, JsonLineMap lines) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("on", out var on)
            ? ParseDate(on, $"{path}.on", lines)
            : throw new ScenarioException("'on' (the event's date, yyyy-MM-dd) is required", $"{path}.on", lines.LineOf(path));

    private static LocalDate ParseDate(JsonElement value, string path, JsonLineMap lines)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        var parsed = LocalDatePattern.Iso.Parse(text ?? string.Empty);
        return parsed.Success
            ? parsed.Value
            : throw new ScenarioException($"'{text}' is not a date written yyyy-MM-dd", path, lines.LineOf(path));
    }

    private static LocalTime ParseTime(JsonElement value, string path, JsonLineMap lines)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        var parsed = LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text ?? string.Empty);
        return parsed.Success
            ? parsed.Value
            : throw new ScenarioException($"'{text}' is not a time written HH:mm", path, lines.LineOf(path));
    }

    private static string RequiredString(JsonElement item, string name, string path, JsonLineMap lines) =>
        OptionalString(item, name, path, lines)
        ?? throw new ScenarioException($"'{name}' is required", $"{path}.{name}", lines.LineOf(path));

    private static string? OptionalString(JsonElement item, string name, string path, JsonLineMap lines)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw new ScenarioException($"'{name}' must be a non-empty string", $"{path}.{name}", lines.LineOf($"{path}.{name}"));
    }

    private static JsonObject ObjectOf(JsonElement value, string path, JsonLineMap lines) =>
        value.ValueKind == JsonValueKind.Object
            ? JsonObject.Create(value)!
            : throw new ScenarioException("must be an object", path, lines.LineOf(path));

    /// <summary>The parser's message without its own position suffixes and namespaces, which the caller states better.</summary>
    private static string FirstSentence(string message)
    {
        foreach (var marker in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(marker, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        message = QualifiedTypeName().Replace(message.Trim(), "$1");
        return message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "the value does not have this field's type (a string, number, true/false or date as the event defines it)"
            : message;
    }

    [GeneratedRegex(@"SafetyCert(?:\.\w+)*\.(\w+)")]
    private static partial Regex QualifiedTypeName();
}
