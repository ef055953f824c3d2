using System.Net.Http.Headers;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Local;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Documents;

/// <summary>
/// The documents API as the app composes it (access, storage, documents) on a test server over the shared
/// Azurite, with its own storage prefix and a clock that stands still.
/// </summary>
public sealed class DocumentsHost : IAsyncDisposable
{
    public const long MaxBytes = 4096;

    private const string SigningKey = "documents-tests-signing-key-0123456789";

    private readonly WebApplication app;
    private readonly string connectionString;
    private readonly TokenIssuer issuer;

    private DocumentsHost(WebApplication app, string connectionString, string prefix, FakeTimeProvider time)
    {
        this.app = app;
        this.connectionString = connectionString;
        Prefix = prefix;
        Time = time;
        Client = app.GetTestClient();
        issuer = new TokenIssuer(app.Services.GetRequiredService<IOptions<JwtOptions>>(), TimeProvider.System);
    }

    public string Prefix { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => app.Services;

    public static async Task<DocumentsHost> StartAsync(AzuriteFixture azurite)
    {
        var prefix = AzuriteFixture.NewPrefix();
        // Whole seconds, as SAS expiry times are written.
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var time = new FakeTimeProvider(now);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Prefix"] = prefix,
            ["Jwt:SigningKey"] = SigningKey,
            ["Documents:MaxBytes"] = $"{MaxBytes}",
        });
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton(new LinkClock(time));
        builder.Services.AddSingleton<IEnterpriseDirectory>(new DictionaryEnterpriseDirectory(Samples.NingxiaA, Samples.NingxiaB, Samples.BeijingC));
        builder.Services.AddAccess().AddSafetyCertStorage(builder.Configuration).AddDocuments(builder.Configuration);
        builder.Services.AddProblemDetails().AddMvcCore();
        builder.Services.AddSingleton<SafetyCert.Functions.Api.ApiRequests>().AddSingleton<SafetyCert.Functions.Api.IdempotencyBinding>();
        var app = builder.Build();
        // Only the document functions' services are registered; the adapter creates a function's class when it is called.
        app.MapHttpFunctions(new FunctionIndex(typeof(DocumentStore).Assembly));
        await app.StartAsync();
        return new DocumentsHost(app, azurite.ConnectionString, prefix, time);
    }

    public static string DocumentsPath(string enterpriseId) => $"/api/enterprises/{enterpriseId}/documents";

    public async Task<HttpResponseMessage> SendAsync(Caller? caller, HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (caller is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(caller, TimeSpan.FromMinutes(5)));
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> UploadAsync(Caller? caller, string enterpriseId, string? kind, byte[]? bytes, string fileName = "report.pdf", string mediaType = "application/pdf") =>
        SendAsync(caller, HttpMethod.Post, DocumentsPath(enterpriseId), Form(kind, bytes, fileName, mediaType));

    public static MultipartFormDataContent Form(string? kind, byte[]? bytes, string fileName, string mediaType)
    {
        var form = new MultipartFormDataContent();
        if (kind is not null)
        {
            form.Add(new StringContent(kind), "kind");
        }

        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
            form.Add(file, "file", fileName);
        }

        return form;
    }

    /// <summary>Every blob under this host's prefix, as <c>container/name</c>.</summary>
    public async Task<IReadOnlyList<string>> BlobsAsync()
    {
        var service = new BlobServiceClient(connectionString);
        var names = new List<string>();
        await foreach (var container in service.GetBlobContainersAsync(prefix: Prefix, cancellationToken: TestContext.Current.CancellationToken))
        {
            await foreach (var blob in service.GetBlobContainerClient(container.Name).GetBlobsAsync(cancellationToken: TestContext.Current.CancellationToken))
            {
                names.Add($"{container.Name}/{blob.Name}");
            }
        }

        return names;
    }

    /// <summary>Every row of the documents table (none when the table was never created).</summary>
    public async Task<IReadOnlyList<TableEntity>> RowsAsync()
    {
        var table = new TableClient(connectionString, Prefix + DocumentStore.TableName);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
            {
                rows.Add(row);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return rows;
        }

        return rows;
    }

    public BlobClient Blob(string kind, string sha256) =>
        new BlobServiceClient(connectionString).GetBlobContainerClient(Prefix + kind).GetBlobClient(sha256);

    /// <summary>A store over this host's storage reading another clock, to sign links at another time.</summary>
    public DocumentStore StoreAt(TimeProvider time) => new(
        Services.GetRequiredService<StorageAccount>(),
        Services.GetRequiredService<IOptions<DocumentOptions>>(),
        time,
        new LinkClock(time),
        Microsoft.Extensions.Logging.Abstractions.NullLogger<DocumentStore>.Instance);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
