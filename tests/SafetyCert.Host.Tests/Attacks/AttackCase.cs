using System.Net;
using SafetyCert.Functions.Access;

namespace SafetyCert.Host.Tests.Attacks;

/// <summary>
/// One bad input or attack: the request, the status it must get and a word the ProblemDetails must contain (the field,
/// header or thing it names). <paramref name="Token"/> replaces the caller's token; <paramref name="Content"/> makes the body.
/// </summary>
internal sealed record AttackCase(
    string Name,
    HttpMethod Method,
    string Path,
    Caller? Caller,
    HttpStatusCode Status,
    string Names,
    Func<HttpContent?>? Content = null,
    string? Token = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => Name;
}
