using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Access;

namespace SafetyCert.Functions.Api;

/// <summary>
/// The one place an HTTP function's request is read, in the order clients have always seen: the caller from its bearer
/// token (401/403), then the JSON body with the app's options (415, or 400 naming the field that could not be read, or
/// <c>body</c> when there is none), then the body's own checks (<see cref="IApiRequest"/>, one 400 naming every field).
/// Only then does the handler run.
/// </summary>
internal sealed class ApiRequests(CallerAuthenticator authenticator, IOptions<JsonOptions> json)
{
    private const string BodyField = "body";

    /// <summary>Runs <paramref name="handle"/> for the authenticated caller.</summary>
    public async Task<IResult> HandleAsync<TResult>(HttpRequest request, Func<Caller, Task<TResult>> handle)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (caller, denied) = await authenticator.AuthenticateAsync(request);
        return caller is null ? denied! : await handle(caller);
    }

    /// <summary>Runs <paramref name="handle"/> for the authenticated caller with the request's body, read and found valid.</summary>
    public async Task<IResult> HandleAsync<TBody, TResult>(HttpRequest request, Func<Caller, TBody, Task<TResult>> handle, CancellationToken cancellationToken)
        where TBody : class
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (caller, denied) = await authenticator.AuthenticateAsync(request);
        if (caller is null)
        {
            return denied!;
        }

        var (body, problem) = await ReadBodyAsync<TBody>(request, cancellationToken);
        return body is null ? problem! : await handle(caller, body);
    }

    /// <summary>The request's JSON body, checked when it is an <see cref="IApiRequest"/>; otherwise the ProblemDetails to answer.</summary>
    public async Task<(T? Body, ProblemHttpResult? Problem)> ReadBodyAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CanHaveBody(request))
        {
            return (null, Missing());
        }

        if (!request.HasJsonContentType())
        {
            return (null, ApiProblems.Malformed(StatusCodes.Status415UnsupportedMediaType, BodyField, $"Expected a supported JSON media type but got \"{request.ContentType}\"."));
        }

        T? body;
        try
        {
            body = await request.ReadFromJsonAsync<T>(json.Value.SerializerOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            // The serializer tags the error with the JSON path of the field ($.licenceValidUntil); the root means the body.
            var field = e.Path?.TrimStart('$', '.') is { Length: > 0 } path ? path : BodyField;
            return (null, ApiProblems.Malformed(StatusCodes.Status400BadRequest, field, e.Message));
        }
        catch (BadHttpRequestException e)
        {
            // The server refused the body itself (too large, cut off).
            return (null, ApiProblems.Malformed(e.StatusCode, BodyField, e.Message));
        }

        if (body is null)
        {
            return (null, Missing());
        }

        return body is IApiRequest checkable && checkable.Problems().ToList() is { Count: > 0 } problems
            ? (null, ApiProblems.Invalid(problems))
            : (body, null);
    }

    private static bool CanHaveBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);

    private static ProblemHttpResult Missing() =>
        ApiProblems.Malformed(StatusCodes.Status400BadRequest, BodyField, "A JSON body is required.");
}
