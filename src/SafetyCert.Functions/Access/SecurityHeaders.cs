using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace SafetyCert.Functions.Access;

/// <summary>
/// The headers every response carries, set in one place for both hosts (the Functions worker through
/// <see cref="Middleware"/>, the local runtime through its pipeline): <c>X-Content-Type-Options: nosniff</c>, no referrer,
/// a content security policy (a page sets its own, which is kept; anything else may load nothing and be framed nowhere),
/// <c>Cache-Control: no-store</c> unless the function chose a caching policy, and no <c>Server</c> or <c>X-Powered-By</c> banner.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The policy of every response that sets none: nothing loads, nothing frames it.</summary>
    public const string DefaultPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Sets the headers when the response starts, after the function wrote its own.</summary>
    public static void Register(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            Apply(((HttpContext)state).Response);
            return Task.CompletedTask;
        }, context);
    }

    /// <summary>Sets the headers on a response about to start.</summary>
    public static void Apply(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = DefaultPolicy;
        }

        if (string.IsNullOrEmpty(headers.CacheControl))
        {
            // API answers name parties, deadlines and links: no cache keeps them.
            headers.CacheControl = "no-store";
        }

        headers.Remove("Server");
        headers.Remove("X-Powered-By");
    }

    /// <summary>The Functions worker's side: registers the headers on each HTTP invocation.</summary>
    public sealed class Middleware : IFunctionsWorkerMiddleware
    {
        public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
        {
            ArgumentNullException.ThrowIfNull(context);
            ArgumentNullException.ThrowIfNull(next);
            if (context.GetHttpContext() is { } http)
            {
                Register(http);
            }

            return next(context);
        }
    }
}
