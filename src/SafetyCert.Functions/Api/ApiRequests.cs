using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api;

/// <summary>
/// The one place an HTTP function's request is read, in the order clients have always seen: the caller from its bearer
/// token (401/403), then the JSON body with the app's options (415, or 400 naming the field that could not be read, or
/// <c>body</c> when there is none), then the body's own checks (<see cref="IApiRequest"/>, one 400 naming every field).
/// Only then, bound to its <c>Idempotency-Key</c> if it carries one (<see cref="IdempotencyBinding"/>), does the handler run.
/// </summary>
internal sealed class ApiRequests(CallerAuthenticator authenticator, IOptions<JsonOptions> json, IdempotencyBinding bindings)
{
    private const string BodyField = "body";

    /// <summary>Runs <paramref name="handle"/> for the authenticated caller.</summary>
    public async Task<IResult> HandleAsync<TResult>(HttpRequest request, Func<Caller, Task<TResult>> handle)
        where TResult : IResult
    {
        ArgumentNullException.ThrowIfNull(handle);
        var (caller, denied) = await authenticator.AuthenticateAsync(request);
        return caller is null ? denied! : await WithKeyAsync(request, caller, async () => await handle(caller), request.HttpContext.RequestAborted);
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

        if (IdempotencyBinding.KeyOf(request) is not null)
        {
            // The body is read twice: once to check it, once to bind the key to it.
            request.EnableBuffering();
        }

        var (body, problem) = await ReadBodyAsync<TBody>(request, cancellationToken);
        return body is null ? problem! : await WithKeyAsync(request, caller, async () => await handle(caller, body), cancellationToken);
    }

    /// <summary>
    /// Runs a request that passed its checks under its <c>Idempotency-Key</c>, if it has one: bound to caller and request
    /// first (another caller's key or another request under the same key is a 422), released again when the request is refused.
    /// </summary>
    private async Task<IResult> WithKeyAsync(HttpRequest request, Caller caller, Func<Task<IResult>> run, CancellationToken cancellationToken)
    {
        if (IdempotencyBinding.KeyOf(request) is not { } key)
        {
            return await run();
        }

        if (key.Length > IdempotencyBinding.MaxKeyLength || key.Any(char.IsControl))
        {
            return ApiProblems.Invalid(IdempotencyKey.Header, new($"最多 {IdempotencyBinding.MaxKeyLength} 个可打印字符。", $"At most {IdempotencyBinding.MaxKeyLength} printable characters."));
        }

        var fingerprint = await IdempotencyBinding.FingerprintAsync(request, caller, cancellationToken);
        var (created, reused) = await bindings.BindAsync(key, fingerprint, cancellationToken);
        if (reused is not null)
        {
            return reused;
        }

        IResult result;
        try
        {
            result = await run();
        }
        catch when (created)
        {
            await bindings.ReleaseAsync(key, CancellationToken.None);
            throw;
        }

        if (created && StatusOf(result) >= StatusCodes.Status400BadRequest)
        {
            await bindings.ReleaseAsync(key, CancellationToken.None);
        }

        return result;
    }

    private static int StatusOf(IResult result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        return result is IStatusCodeHttpResult { StatusCode: { } status } ? status : StatusCodes.Status200OK;
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
            return (null, ApiProblems.Malformed(StatusCodes.Status415UnsupportedMediaType, BodyField,
                new($"请求体须为 JSON，收到的类型是“{request.ContentType}”。", $"Expected a supported JSON media type but got \"{request.ContentType}\".")));
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
            return (null, ApiProblems.Malformed(StatusCodes.Status400BadRequest, field, Reason(e)));
        }
        catch (BadHttpRequestException e)
        {
            // The server refused the body itself (too large, cut off).
            return (null, ApiProblems.Malformed(e.StatusCode, BodyField, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? new("请求体过大。", "The body is too large.")
                : new("请求体无法读取。", "The body could not be read.")));
        }

        if (body is null)
        {
            return (null, Missing());
        }

        return body is IApiRequest checkable && checkable.Problems().ToList() is { Count: > 0 } problems
            ? (null, ApiProblems.Invalid(problems))
            : (body, null);
    }

    /// <summary>
    /// What was wrong with a value, in the API's words. The app's own converters (dates) explain themselves; the serializer's
    /// messages name .NET types and reader positions, which a caller is not told.
    /// </summary>
    private static ApiText Reason(JsonException e)
    {
        if (e is LocalizedJsonException own)
        {
            return own.Text;
        }

        var library = e.Message.Contains("LineNumber:", StringComparison.Ordinal) || e.Message.Contains("BytePositionInLine", StringComparison.Ordinal)
            || e.Message.Contains("System.", StringComparison.Ordinal) || e.Message.Contains("SafetyCert.", StringComparison.Ordinal);
        if (!library)
        {
            return new("该值无法读取。", e.Message);
        }

        return e.InnerException is not null || e.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? new("该值的类型不对，或不是允许的名称之一。", "The value has the wrong type, or is not one of the allowed names.")
            : new("此处的 JSON 格式不正确。", "The body is not well-formed JSON here.");
    }

    private static bool CanHaveBody(HttpRequest request) =>
        request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody
            ?? (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0);

    private static ProblemHttpResult Missing() =>
        ApiProblems.Malformed(StatusCodes.Status400BadRequest, BodyField, new("须提供 JSON 请求体。", "A JSON body is required."));
}
