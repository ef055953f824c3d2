using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

namespace SafetyCert.Functions.Api;

/// <summary>
/// Reads dates as ISO <c>yyyy-MM-dd</c> and turns an impossible one (2026-02-30) into a <see cref="JsonException"/>,
/// which the serializer tags with the field's path, so the 400 names the field.
/// </summary>
internal sealed class StrictLocalDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a date as a string yyyy-MM-dd, got {reader.TokenType}.");
        }

        var text = reader.GetString() ?? "";
        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw new JsonException($"'{text}' is not a date (yyyy-MM-dd): {parsed.Exception.Message}");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
