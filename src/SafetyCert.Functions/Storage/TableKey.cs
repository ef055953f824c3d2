using System.Globalization;
using System.Text;

namespace SafetyCert.Functions.Storage;

/// <summary>
/// Turns free text into a legal PartitionKey or RowKey. Table keys may not hold <c>/ \ # ?</c> or control
/// characters; those (and <c>~</c>, the escape, and <c>|</c>, the separator of composite keys) become
/// <c>~XX</c>. Ordinary ids pass through unchanged, so keys stay readable.
/// </summary>
public static class TableKey
{
    /// <summary>The longest text accepted as one key part; a key holds at most 1 KiB.</summary>
    public const int MaxPartLength = 200;

    /// <summary>Escapes one part of a key.</summary>
    public static string Escape(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        if (part.Length is 0 or > MaxPartLength)
        {
            throw new ArgumentException($"A key part must be 1-{MaxPartLength} characters; got {part.Length}: '{Shorten(part)}'.", nameof(part));
        }

        StringBuilder? escaped = null;
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c is '/' or '\\' or '#' or '?' or '~' or '|' || char.IsControl(c))
            {
                escaped ??= new StringBuilder(part, 0, i, part.Length + 8);
                escaped.Append('~').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? part;
    }

    /// <summary>Escapes each part and joins them with <c>|</c>, which never occurs inside an escaped part.</summary>
    public static string Join(params string[] parts) => string.Join('|', parts.Select(Escape));

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
