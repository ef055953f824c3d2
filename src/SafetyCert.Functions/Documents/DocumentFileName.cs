using System.Globalization;
using System.Text;

namespace SafetyCert.Functions.Documents;

/// <summary>
/// Turns the file name a user sent into one fit to show and to offer in a download. Blobs are named by
/// their content hash, so this name never reaches a path; it is still cleaned so that a download does not
/// suggest <c>../../etc/passwd</c>, hide its extension behind a direction mark, or carry control characters.
/// </summary>
public static class DocumentFileName
{
    public const int MaxLength = 128;

    private const int MaxExtensionLength = 16;

    /// <summary>
    /// The last path segment of <paramref name="declared"/> without control, format (direction marks) and
    /// reserved characters, without leading or trailing dots and spaces, cut to <see cref="MaxLength"/> with its
    /// extension kept; an empty result gives <c>{kind}-{first 12 hex of the hash}{extension of the media type}</c>.
    /// </summary>
    public static string Sanitize(string? declared, string kind, string sha256, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(sha256);
        var name = declared ?? "";
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        name = name[(lastSeparator + 1)..];

        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            if (Rune.IsControl(rune)
                || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || rune.Value is '<' or '>' or ':' or '"' or '|' or '?' or '*' || rune == Rune.ReplacementChar)
            {
                continue;
            }

            kept.Append(Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }

        name = kept.ToString().Trim(' ', '.');
        if (name.Length == 0)
        {
            return $"{kind}-{sha256[..12]}{DocumentMediaTypes.ExtensionOf(mediaType)}";
        }

        return Shorten(name);
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var dot = name.LastIndexOf('.');
        var extension = dot > 0 && name.Length - dot <= MaxExtensionLength ? name[dot..] : "";
        var stem = TextElements(name[..(name.Length - extension.Length)], MaxLength - extension.Length);
        return stem.TrimEnd(' ', '.') + extension;
    }

    // Cuts between whole characters, never inside a surrogate pair or a combining sequence.
    private static string TextElements(string text, int maxLength)
    {
        var end = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var next = elements.ElementIndex + elements.GetTextElement().Length;
            if (next > maxLength)
            {
                break;
            }

            end = next;
        }

        return text[..end];
    }
}
