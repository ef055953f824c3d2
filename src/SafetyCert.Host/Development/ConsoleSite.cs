using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace SafetyCert.Host.Development;

/// <summary>
/// Serves the built web console (<c>src/SafetyCert.Console/dist</c>) at <c>/</c> next to <c>/api</c> when
/// <c>Console:Root</c> names its folder: files as they are (hashed assets cached for a year), and every other path
/// outside <c>/api</c>, <c>/dev</c> and <c>/healthz</c> answered with <c>index.html</c> for the console's history-mode routes.
/// </summary>
internal static class ConsoleSite
{
    public const string RootSetting = "Console:Root";

    private static readonly string[] NotConsole = ["/api", "/dev", "/healthz"];

    /// <summary>
    /// The console's own content security policy, kept by the security headers every response gets: its scripts, styles
    /// (Element Plus sets inline style attributes), images and API calls from this origin only; framed nowhere.
    /// </summary>
    public const string Policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapConsole(this WebApplication app)
    {
        if (app.Configuration[RootSetting] is not { Length: > 0 } root)
        {
            return app;
        }

        var index = Path.Combine(root, "index.html");
        if (!File.Exists(index))
        {
            throw new InvalidOperationException($"{RootSetting} is '{root}', which holds no index.html: build the console (npm run build in src/SafetyCert.Console).");
        }

        // One catch-all fallback (files included, unlike the default {*path:nonfile}) serves files and routes alike:
        // static-file middleware stands aside once an endpoint matched.
        var files = new PhysicalFileProvider(Path.GetFullPath(root));
        var types = new FileExtensionContentTypeProvider();
        app.MapFallback("{*path}", async context =>
        {
            var path = context.Request.Path;
            if (NotConsole.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
                || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.Headers.ContentSecurityPolicy = Policy;
            var file = files.GetFileInfo(path.Value ?? "/");
            if (file is { Exists: true, IsDirectory: false, PhysicalPath: { } physical } && types.TryGetContentType(physical, out var type))
            {
                var asset = path.StartsWithSegments("/assets", StringComparison.Ordinal);
                context.Response.ContentType = type;
                context.Response.Headers[HeaderNames.CacheControl] = asset ? "public, max-age=31536000, immutable" : "no-cache";
                await context.Response.SendFileAsync(file, context.RequestAborted);
                return;
            }

            if (Path.HasExtension(path.Value))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await context.Response.SendFileAsync(index, context.RequestAborted);
        });
        return app;
    }
}
