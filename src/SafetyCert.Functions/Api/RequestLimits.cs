using System.Globalization;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api;

/// <summary>
/// The size limits of every free-text field and list a request may carry, checked with the rest of the body before
/// anything is written. They keep each stored row far below Table storage's 64 KiB per property (a CJK character is
/// two bytes there) and each event small enough for the workflow history.
/// </summary>
internal static class RequestLimits
{
    /// <summary>Names: of an enterprise, organization, unit, consulting provider.</summary>
    public const int Name = 200;

    /// <summary>Ids a request names: documents, certificates, enterprises, units.</summary>
    public const int Id = 100;

    /// <summary>Written reasons, findings, summaries and resolutions.</summary>
    public const int Text = 4000;

    /// <summary>Lists: evidence documents, e-mail addresses, grades, industries.</summary>
    public const int Items = 20;

    /// <summary>Consulting engagements of one review unit.</summary>
    public const int Engagements = 100;

    /// <summary>Robot keys, access tokens and signing secrets.</summary>
    public const int Secret = 512;

    /// <summary>One e-mail address (RFC 5321's path limit).</summary>
    public const int EmailAddress = 254;

    /// <summary>The problem to report when <paramref name="value"/> is longer than <paramref name="max"/> characters; null otherwise.</summary>
    public static (string Field, ApiText Error)? TooLong(string? value, string field, int max) =>
        value is { Length: var length } && length > max
            ? (field, new(string.Create(CultureInfo.InvariantCulture, $"最多 {max} 个字符，收到 {length} 个。"),
                string.Create(CultureInfo.InvariantCulture, $"At most {max} characters; {length} were sent.")))
            : null;

    /// <summary>The problem to report when a list holds more than <paramref name="max"/> items; null otherwise.</summary>
    public static (string Field, ApiText Error)? TooMany(int? count, string field, int max) =>
        count is { } n && n > max
            ? (field, new(string.Create(CultureInfo.InvariantCulture, $"最多 {max} 项，收到 {n} 项。"),
                string.Create(CultureInfo.InvariantCulture, $"At most {max} items; {n} were sent.")))
            : null;
}
