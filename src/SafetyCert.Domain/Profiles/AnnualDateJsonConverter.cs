using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SafetyCert.Domain.Profiles;

/// <summary>Reads and writes <see cref="AnnualDate"/> as <c>"MM-dd"</c>.</summary>
public sealed class AnnualDateJsonConverter : JsonConverter<AnnualDate>
{
    public override AnnualDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        if (text is { Length: 5 } && text[2] == '-'
            && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2001, month))
        {
            return new AnnualDate(month, day);
        }

        throw new JsonException($"'{text}' is not a month and day written MM-dd.");
    }

    public override void Write(Utf8JsonWriter writer, AnnualDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
