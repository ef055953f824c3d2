using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using SafetyCert.Host.Development;

namespace SafetyCert.Host.Tests.Development;

/// <summary>The console's static files: compressed as the browser accepts, the same bytes once decoded.</summary>
public sealed class ConsoleSiteTests : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly string root = Directory.CreateTempSubdirectory("safetycert-console-site-").FullName;

    private readonly string script;

    public ConsoleSiteTests()
    {
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllText(Path.Combine(root, "index.html"), "<!doctype html><html><head><script type=\"module\" src=\"/assets/app.js\"></script></head><body><div id=\"app\"></div></body></html>");
        script = string.Concat(Enumerable.Range(0, 2000).Select(i => $"export const label{i} = '安全生产标准化 {i}';\n"));
        File.WriteAllText(Path.Combine(root, "assets", "app.js"), script);
        File.WriteAllBytes(Path.Combine(root, "assets", "logo.png"), [0x89, 0x50, 0x4E, 0x47, 1, 2, 3, 4]);
    }

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData("br;q=0, gzip", "gzip")]
    public async Task A_script_goes_out_in_the_best_accepted_encoding_and_decodes_to_the_file(string accept, string expected)
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/app.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.True(body.Length < Encoding.UTF8.GetByteCount(script) / 5, $"{body.Length} bytes compressed");
        await using Stream decoder = expected == "br" ? new BrotliStream(new MemoryStream(body), CompressionMode.Decompress) : new GZipStream(new MemoryStream(body), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        Assert.Equal(script, await reader.ReadToEndAsync(Ct));
    }

    [Fact]
    public async Task Without_an_accepted_encoding_and_for_images_the_file_goes_out_as_it_is()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        foreach (var (path, accept) in new[] { ("/assets/app.js", "identity"), ("/assets/app.js", string.Empty), ("/assets/logo.png", "gzip, br") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (accept.Length > 0)
            {
                request.Headers.TryAddWithoutValidation("Accept-Encoding", accept);
            }

            using var response = await client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.Equal(File.ReadAllBytes(Path.Combine(root, path.TrimStart('/'))), await response.Content.ReadAsByteArrayAsync(Ct));
        }
    }

    [Fact]
    public async Task A_pre_compressed_sibling_is_sent_as_it_is_and_a_route_gets_the_compressed_index()
    {
        var sibling = Path.Combine(root, "assets", "app.js.gz");
        using (var output = File.Create(sibling))
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(script));
        }

        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/assets/app.js");
        request.Headers.TryAddWithoutValidation("Accept-Encoding", "gzip");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
        Assert.Equal(File.ReadAllBytes(sibling), await response.Content.ReadAsByteArrayAsync(Ct));

        using var route = new HttpRequestMessage(HttpMethod.Get, "/enterprise/deliveries");
        route.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        using var page = await client.SendAsync(route, Ct);
        Assert.Equal(["br"], page.Content.Headers.ContentEncoding);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        await using var decoder = new BrotliStream(await page.Content.ReadAsStreamAsync(Ct), CompressionMode.Decompress);
        using var reader = new StreamReader(decoder, Encoding.UTF8);
        Assert.Equal(File.ReadAllText(Path.Combine(root, "index.html")), await reader.ReadToEndAsync(Ct));
    }

    private async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration[ConsoleSite.RootSetting] = root;
        var app = builder.Build();
        app.MapConsole();
        await app.StartAsync(Ct);
        return app;
    }
}
