using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;

using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api;

/// <summary>
/// Reads dates as ISO <c>yyyy-MM-dd</c> and turns an impossible one (2026-02-30) into a <see cref="JsonException"/>,
/// which the serializer tags with the field's path, so the 400 names the field. Only years 1900-2199 are read:
/// every date the rules deal in lies there, date arithmetic on them cannot overflow, and a left-out date (the
/// default, 0001-01-01) cannot be sent on purpose.
/// </summary>
internal sealed class StrictLocalDateConverter : JsonConverter<LocalDate>
{
    public static readonly LocalDate Earliest = new(1900, 1, 1);
    public static readonly LocalDate Latest = new(2199, 12, 31);

    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new LocalizedJsonException(new ApiText($"日期须为 yyyy-MM-dd 格式的字符串，收到的是 {reader.TokenType}。", $"Expected a date as a string yyyy-MM-dd, got {reader.TokenType}."));
        }

        var text = reader.GetString() ?? "";
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (!parsed.Success)
        {
            throw new LocalizedJsonException(new ApiText($"“{text}”不是有效日期（yyyy-MM-dd）。", $"'{text}' is not a date (yyyy-MM-dd)."));
        }

        return parsed.Value >= Earliest && parsed.Value <= Latest
            ? parsed.Value
            : throw new LocalizedJsonException(new ApiText($"“{text}”不在 1900-01-01 至 2199-12-31 之间。", $"'{text}' lies outside 1900-01-01..2199-12-31."));
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(LocalDatePattern.Iso.Format(value));
    }
}
