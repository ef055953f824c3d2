using System.Globalization;
using System.Text.Json;
using SafetyCert.Engine.Queues;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>
/// Reads the Functions host's invocation request <c>{"Data": {...}, "Metadata": {...}}</c>. Every problem is a
/// <see cref="FormatException"/> naming the field, which the endpoint turns into a 400.
/// </summary>
internal static class InvocationPayload
{
    public static TimerInfo ReadTimer(JsonElement root)
    {
        var timer = Unwrap(Required(Data(root), CustomHandlerLayout.TimerBindingName, "Data"), $"Data.{CustomHandlerLayout.TimerBindingName}");
        if (timer.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Data.{CustomHandlerLayout.TimerBindingName} must be an object, not {timer.ValueKind}.");
        }

        var isPastDue = Optional(timer, "IsPastDue") switch
        {
            null => false,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            { } other => throw new FormatException($"Data.{CustomHandlerLayout.TimerBindingName}.IsPastDue must be true or false, not {other}."),
        };

        ScheduleStatus? status = null;
        if (Optional(timer, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } s)
        {
            var path = $"Data.{CustomHandlerLayout.TimerBindingName}.ScheduleStatus";
            status = new ScheduleStatus(
                Time(Required(s, "Last", path), $"{path}.Last"),
                Time(Required(s, "Next", path), $"{path}.Next"),
                Time(Required(s, "LastUpdated", path), $"{path}.LastUpdated"));
        }
        else if (Optional(timer, "ScheduleStatus") is { ValueKind: not JsonValueKind.Null } other)
        {
            throw new FormatException($"Data.{CustomHandlerLayout.TimerBindingName}.ScheduleStatus must be an object or null, not {other.ValueKind}.");
        }

        return new TimerInfo(status, isPastDue);
    }

    public static QueueMessageInfo ReadQueueMessage(JsonElement root, string queueName)
    {
        var message = Required(Data(root), CustomHandlerLayout.QueueBindingName, "Data");
        var body = message.ValueKind switch
        {
            JsonValueKind.String => message.GetString()!,
            JsonValueKind.Null or JsonValueKind.Undefined =>
                throw new FormatException($"Data.{CustomHandlerLayout.QueueBindingName} must hold the message, not null."),
            _ => message.GetRawText(),
        };

        var metadata = Section(root, "Metadata");
        var id = Required(metadata, "Id", "Metadata");
        if (id.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(id.GetString()))
        {
            throw new FormatException("Metadata.Id must be a non-empty string.");
        }

        return new QueueMessageInfo(
            queueName,
            id.GetString()!,
            body,
            DequeueCount(Required(metadata, "DequeueCount", "Metadata")),
            OptionalTime(metadata, "InsertionTime"));
    }

    private static JsonElement Data(JsonElement root) => Section(root, "Data");

    private static JsonElement Section(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"The invocation must be a JSON object with Data and Metadata, not {root.ValueKind}.");
        }

        var section = Required(root, name, "the invocation");
        return section.ValueKind == JsonValueKind.Object
            ? section
            : throw new FormatException($"{name} must be an object, not {section.ValueKind}.");
    }

    /// <summary>Some bindings arrive as JSON text inside a string rather than as JSON.</summary>
    private static JsonElement Unwrap(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return value;
        }

        try
        {
            using var document = JsonDocument.Parse(value.GetString()!);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new FormatException($"{path} is a string that does not hold JSON: {e.Message}", e);
        }
    }

    private static long DequeueCount(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) && n >= 1 => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 => n,
        _ => throw new FormatException($"Metadata.DequeueCount must be a whole number of at least 1, not {value}."),
    };

    private static DateTimeOffset? OptionalTime(JsonElement metadata, string name) =>
        Optional(metadata, name) is { ValueKind: not JsonValueKind.Null } value ? Time(value, $"Metadata.{name}") : null;

    private static DateTimeOffset Time(JsonElement value, string path) =>
        value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException($"{path} must be a date and time, not {value}.");

    private static JsonElement Required(JsonElement parent, string name, string parentPath) =>
        Optional(parent, name) ?? throw new FormatException($"{parentPath} has no '{name}'.");

    /// <summary>Finds a property ignoring case: the host's casing of metadata has varied between versions.</summary>
    private static JsonElement? Optional(JsonElement parent, string name)
    {
        foreach (var property in parent.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
