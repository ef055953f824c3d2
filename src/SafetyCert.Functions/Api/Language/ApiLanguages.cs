using Microsoft.Net.Http.Headers;

namespace SafetyCert.Functions.Api.Language;

/// <summary>
/// Picks the language of an answer from the request's <c>Accept-Language</c>: the first of its ranges, by quality, that is
/// Chinese (<c>zh</c>, <c>zh-CN</c>, <c>zh-Hans</c>…) or English (<c>en</c>, <c>en-US</c>…). A request that names neither
/// gets English: scripts and integrations are the callers that send no header, and English is what they have always read;
/// every browser sends its user's languages and the console sends its own locale.
/// </summary>
internal static class ApiLanguages
{
    public const ApiLanguage Default = ApiLanguage.English;

    public static ApiLanguage Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var ranges))
        {
            return Default;
        }

        // A stable sort keeps the caller's order among equal qualities; a range with q=0 is refused, not wanted.
        foreach (var range in ranges.Where(r => (r.Quality ?? 1) > 0).OrderByDescending(r => r.Quality ?? 1))
        {
            var tag = range.Value.Value ?? "";
            if (Is(tag, "zh"))
            {
                return ApiLanguage.Chinese;
            }

            if (Is(tag, "en"))
            {
                return ApiLanguage.English;
            }
        }

        return Default;
    }

    private static bool Is(string tag, string language) =>
        tag.Equals(language, StringComparison.OrdinalIgnoreCase)
        || (tag.Length > language.Length && tag[language.Length] == '-' && tag.StartsWith(language, StringComparison.OrdinalIgnoreCase));
}
