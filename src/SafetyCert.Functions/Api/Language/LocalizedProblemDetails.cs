using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using SafetyCert.Functions.Notifications;

namespace SafetyCert.Functions.Api.Language;

/// <summary>
/// A ProblemDetails that knows its title, detail and field errors in both languages. It is built in English; when it is
/// written, <see cref="Localize"/> (the app's <c>CustomizeProblemDetails</c>) puts it in the language the caller asked for.
/// </summary>
internal sealed class LocalizedProblemDetails(ApiText title) : ProblemDetails
{
    public const string ErrorsMember = "errors";

    [JsonIgnore]
    public ApiText TitleText { get; } = title;

    /// <summary>The detail; a problem with <see cref="FieldErrors"/> repeats them instead ("field: error"), so a client that shows only the detail still names the fields.</summary>
    [JsonIgnore]
    public ApiText? DetailText { get; init; }

    /// <summary>Each invalid field with what is wrong with it; null when the problem names no field.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, ApiText[]>? FieldErrors { get; init; }

    /// <summary>Puts title, detail and field errors in <paramref name="language"/>.</summary>
    public void Use(ApiLanguage language, RuleCitation? citation)
    {
        Title = TitleText.In(language, citation);
        if (FieldErrors is null)
        {
            Detail = DetailText?.In(language, citation);
            return;
        }

        var errors = FieldErrors.ToDictionary(e => e.Key, e => e.Value.Select(t => t.In(language, citation)).ToArray(), StringComparer.Ordinal);
        Extensions[ErrorsMember] = errors;
        Detail = language == ApiLanguage.Chinese
            ? string.Join("；", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}：{v}")))
            : string.Join(" ", errors.SelectMany(e => e.Value.Select(v => $"{e.Key}: {v}")));
    }

    /// <summary>The <c>CustomizeProblemDetails</c> hook: every problem the API writes speaks the caller's language.</summary>
    public static void Localize(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.ProblemDetails is LocalizedProblemDetails localized)
        {
            var language = ApiLanguages.Of(context.HttpContext.Request);
            localized.Use(language, context.HttpContext.RequestServices.GetService<RuleCitation>());
            var headers = context.HttpContext.Response.Headers;
            headers.ContentLanguage = language == ApiLanguage.Chinese ? "zh-CN" : "en";
            headers.Append("Vary", "Accept-Language");
        }
    }
}
