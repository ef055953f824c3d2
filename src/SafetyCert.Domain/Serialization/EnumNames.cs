namespace SafetyCert.Domain.Serialization;

/// <summary>
/// Reads an enum from text by its declared name only. <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/>
/// also takes digits (<c>"4"</c>), undefined numbers (<c>"7"</c>) and comma lists; from a request body, a token or
/// a stored row those are errors, never values.
/// </summary>
public static class EnumNames
{
    /// <summary>True when <paramref name="text"/> is exactly one declared name of <typeparamref name="TEnum"/> (case as given by <paramref name="ignoreCase"/>).</summary>
    public static bool TryParse<TEnum>(string? text, bool ignoreCase, out TEnum value)
        where TEnum : struct, Enum
    {
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var name in Enum.GetNames<TEnum>())
        {
            if (string.Equals(name, text, comparison))
            {
                value = Enum.Parse<TEnum>(name);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The value named <paramref name="text"/>; throws naming the text and the type when it is no declared name.</summary>
    public static TEnum Parse<TEnum>(string? text, bool ignoreCase = false)
        where TEnum : struct, Enum =>
        TryParse<TEnum>(text, ignoreCase, out var value)
            ? value
            : throw new FormatException($"'{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
}
