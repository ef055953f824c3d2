using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace SafetyCert.Host.Development;

/// <summary>
/// Serves the built web console (<c>src/SafetyCert.Console/dist</c>) at <c>/</c> next to <c>/api</c> when
/// <c>Console:Root</c> names its folder: files as they are (hashed assets cached for a year), and every other path
/// outside <c>/api</c>, <c>/dev</c> and <c>/healthz</c> answered with <c>index.html</c> for the console's history-mode routes.
/// Text files (scripts, styles, HTML, SVG, JSON) go out Brotli- or gzip-compressed when the browser accepts it: a
/// pre-compressed sibling (<c>app.js.br</c>, <c>app.js.gz</c>) when the build left one, otherwise compressed once and kept
/// in memory for as long as the file is unchanged.
/// </summary>
internal static class ConsoleSite
{
    public const string RootSetting = "Console:Root";

    private static readonly string[] NotConsole = ["/api", "/dev", "/healthz"];

    private static readonly string[] Compressible = ["text/", "application/javascript", "text/javascript", "application/json", "image/svg+xml"];

    /// <summary>The encodings offered, best first, with the file suffix of a pre-compressed sibling.</summary>
    private static readonly (string Name, string Suffix)[] Encodings = [("br", ".br"), ("gzip", ".gz")];

    /// <summary>Compressed bodies by file, encoding and last write, so each file is compressed once per change.</summary>
    private static readonly ConcurrentDictionary<(string Path, string Encoding, DateTimeOffset Modified), Lazy<byte[]>> Compressed = new();

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
                context.Response.Headers[HeaderNames.CacheControl] = asset ? "public, max-age=31536000, immutable" : "no-cache";
                await SendAsync(context, file, physical, type);
                return;
            }

            if (Path.HasExtension(path.Value))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            await SendAsync(context, files.GetFileInfo("/index.html"), index, "text/html; charset=utf-8");
        });
        return app;
    }

    /// <summary>Sends a file, compressed in the best encoding the request accepts when its type is text.</summary>
    private static async Task SendAsync(HttpContext context, IFileInfo file, string physical, string type)
    {
        context.Response.ContentType = type;
        if (!Compressible.Any(c => type.StartsWith(c, StringComparison.OrdinalIgnoreCase)))
        {
            await context.Response.SendFileAsync(file, context.RequestAborted);
            return;
        }

        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var accepted = Accepted(context.Request.Headers.AcceptEncoding.ToString());
        foreach (var (encoding, suffix) in Encodings)
        {
            if (!accepted.Contains(encoding))
            {
                continue;
            }

            context.Response.Headers.ContentEncoding = encoding;
            var sibling = new FileInfo(physical + suffix);
            if (sibling.Exists && sibling.LastWriteTimeUtc >= file.LastModified.UtcDateTime)
            {
                context.Response.ContentLength = sibling.Length;
                await context.Response.SendFileAsync(sibling.FullName, context.RequestAborted);
                return;
            }

            var body = Compressed.GetOrAdd((physical, encoding, file.LastModified), key => new Lazy<byte[]>(() => Compress(key.Path, key.Encoding))).Value;
            context.Response.ContentLength = body.Length;
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await context.Response.Body.WriteAsync(body, context.RequestAborted);
            }

            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    /// <summary>The content codings an <c>Accept-Encoding</c> header allows (a zero quality refuses one).</summary>
    internal static HashSet<string> Accepted(string header)
    {
        var accepted = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var refused = pieces.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
            if (!refused)
            {
                accepted.Add(pieces[0]);
            }
        }

        return accepted;
    }

    private static byte[] Compress(string path, string encoding)
    {
        var original = File.ReadAllBytes(path);
        using var output = new MemoryStream();
        using (Stream compressor = encoding == "br"
            // Brotli quality 9: close to the smallest output at a fraction of quality 11's time, paid once per file.
            ? new BrotliStream(output, new BrotliCompressionOptions { Quality = 9 }, leaveOpen: true)
            : new GZipStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            compressor.Write(original);
        }

        return output.ToArray();
    }
}
