using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;

namespace SafetyCert.Host.Api;

/// <summary>
/// Turns a request the framework could not bind (malformed JSON, a wrong type, an impossible date) into a 400
/// ProblemDetails naming the field, instead of an empty 400.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "body";
        var message = json?.Message ?? bad.Message;
        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Type = ApiProblems.TypeBase + "malformed",
                Title = "The request could not be read",
                Detail = $"{(field.Length == 0 ? "body" : field)}: {message}",
                Extensions = { ["errors"] = new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] } },
            },
        });
    }
}
