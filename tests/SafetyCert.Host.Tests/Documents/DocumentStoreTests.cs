using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SafetyCert.Functions.Documents;
using SafetyCert.Functions.Storage;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Documents;

public sealed class DocumentStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DocumentsHost? host;

    private DocumentsHost Host => host ?? throw new InvalidOperationException("Not started.");

    private DocumentStore Store => Host.Services.GetRequiredService<DocumentStore>();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => host = await DocumentsHost.StartAsync(azurite);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_link_signed_in_the_past_has_expired_and_storage_refuses_it()
    {
        var upload = await UploadAsync(Samples.Pdf("expiring"));
        var anHourAgo = new FakeTimeProvider(Host.Time.GetUtcNow().AddHours(-1));

        var stale = await Host.StoreAt(anHourAgo).DownloadLinkAsync(upload.Document, Cancel);
        var fresh = await Store.DownloadLinkAsync(upload.Document, Cancel);

        Assert.Equal(anHourAgo.GetUtcNow().AddMinutes(10), stale.ExpiresOn);
        Assert.Equal(stale.ExpiresOn, DateTimeOffset.Parse(HttpUtility.ParseQueryString(stale.Uri.Query)["se"]!, CultureInfo.InvariantCulture));
        using var storage = new HttpClient();
        using var refused = await storage.GetAsync(stale.Uri, Cancel);
        using var served = await storage.GetAsync(fresh.Uri, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task A_link_cannot_write()
    {
        var upload = await UploadAsync(Samples.Pdf("read only"));
        var link = await Store.DownloadLinkAsync(upload.Document, Cancel);

        using var storage = new HttpClient();
        using var put = new HttpRequestMessage(HttpMethod.Put, link.Uri) { Content = new ByteArrayContent(Samples.Pdf("replaced")) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var refused = await storage.SendAsync(put, Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(Samples.Pdf("read only"), (await Host.Blob(upload.Document.Kind, upload.Document.Sha256).DownloadContentAsync(Cancel)).Value.Content.ToArray());
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_hashed_and_stored_whole()
    {
        var bytes = Samples.Sized(3000);

        var upload = await Store.UploadAsync(
            DocumentKinds.VisitReports, Samples.NingxiaA.Id, Samples.NingxiaA.RegionCode, Samples.ReviewUnit, "visit.pdf", DocumentMediaTypes.Pdf,
            new NonSeekableStream(bytes), Cancel);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), upload.Document.Sha256);
        Assert.Equal(bytes, (await Host.Blob(DocumentKinds.VisitReports, upload.Document.Sha256).DownloadContentAsync(Cancel)).Value.Content.ToArray());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2000)]
    public async Task An_upload_cut_off_mid_stream_writes_nothing(int failAfter)
    {
        await Assert.ThrowsAsync<IOException>(() => Store.UploadAsync(
            DocumentKinds.VisitReports, Samples.NingxiaA.Id, Samples.NingxiaA.RegionCode, Samples.ReviewUnit, "visit.pdf", DocumentMediaTypes.Pdf,
            new NonSeekableStream(Samples.Sized(3000), failAfter), Cancel));

        Assert.Empty(await Host.BlobsAsync());
        Assert.Empty(await Host.RowsAsync());
    }

    [Fact]
    public async Task A_stream_over_the_limit_is_refused_without_reading_it_all()
    {
        var bytes = Samples.Sized(100_000);

        var refused = await Assert.ThrowsAsync<DocumentRejectedException>(() => Store.UploadAsync(
            DocumentKinds.VisitReports, Samples.NingxiaA.Id, Samples.NingxiaA.RegionCode, Samples.ReviewUnit, "visit.pdf", DocumentMediaTypes.Pdf,
            new NonSeekableStream(bytes, failAfter: 10_000), Cancel));

        Assert.Equal(DocumentRejection.TooLarge, refused.Reason);
        Assert.Empty(await Host.BlobsAsync());
        Assert.Empty(await Host.RowsAsync());
    }

    [Fact]
    public async Task Different_content_gets_its_own_blob_and_never_replaces_the_first()
    {
        var first = await UploadAsync(Samples.Pdf("version 1"));
        var before = (await Host.Blob(first.Document.Kind, first.Document.Sha256).GetPropertiesAsync(cancellationToken: Cancel)).Value;

        var second = await UploadAsync(Samples.Pdf("version 2"));

        Assert.NotEqual(first.Document.Id, second.Document.Id);
        Assert.Equal(2, (await Host.BlobsAsync()).Count);
        var after = (await Host.Blob(first.Document.Kind, first.Document.Sha256).GetPropertiesAsync(cancellationToken: Cancel)).Value;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(Samples.Pdf("version 1"), (await Host.Blob(first.Document.Kind, first.Document.Sha256).DownloadContentAsync(Cancel)).Value.Content.ToArray());
    }

    [Theory]
    [InlineData("re\0port\u0007.pdf", "report.pdf")]
    [InlineData("a\r\nb\tc.pdf", "abc.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("<script>:\"|?*.pdf", "script.pdf")]
    [InlineData("\0\0\0", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public async Task Control_and_reserved_characters_are_removed_from_the_stored_name(string? fileName, string? expected)
    {
        var bytes = Samples.Pdf("named " + fileName);

        var upload = await Store.UploadAsync(
            DocumentKinds.ReviewReports, Samples.NingxiaA.Id, Samples.NingxiaA.RegionCode, Samples.ReviewUnit, fileName, DocumentMediaTypes.Pdf,
            new MemoryStream(bytes), Cancel);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(expected ?? $"review-reports-{sha256[..12]}.pdf", upload.Document.FileName);
        Assert.Equal(upload.Document, await Store.GetAsync(Samples.NingxiaA.Id, upload.Document.Id, Cancel));
        Assert.Equal([$"{Host.Prefix}review-reports/{sha256}"], await Host.BlobsAsync());
    }

    [Fact]
    public async Task The_download_link_offers_the_stored_name_and_media_type()
    {
        var upload = await Store.UploadAsync(
            DocumentKinds.ApplicationMaterials, Samples.NingxiaA.Id, Samples.NingxiaA.RegionCode, Samples.EnterpriseA, "申请 \"材料\".xlsx", DocumentMediaTypes.Xlsx,
            new MemoryStream(Samples.Zip("xl/workbook.xml")), Cancel);

        var link = await Store.DownloadLinkAsync(upload.Document, Cancel);
        using var storage = new HttpClient();
        using var response = await storage.GetAsync(link.Uri, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DocumentMediaTypes.Xlsx, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("申请 材料.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
    }

    private Task<DocumentUpload> UploadAsync(byte[] bytes) => Store.UploadAsync(
        DocumentKinds.SelfAssessmentReports, Samples.NingxiaA.Id, Samples.NingxiaA.RegionCode, Samples.EnterpriseA, "report.pdf", DocumentMediaTypes.Pdf,
        new MemoryStream(bytes), Cancel);

    [Fact]
    public async Task Links_expire_in_real_time_when_business_time_was_moved_ahead()
    {
        // The development clock moved eight days ahead: a ten-minute link still lives ten real minutes.
        var upload = await UploadAsync(Samples.Pdf("real time"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Prefix"] = Host.Prefix,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8)));
        services.AddSafetyCertStorage(configuration).AddDocuments(configuration);
        await using var provider = services.BuildServiceProvider();

        var link = await provider.GetRequiredService<DocumentStore>().DownloadLinkAsync(upload.Document, Cancel);

        var realNow = DateTimeOffset.UtcNow;
        Assert.InRange(link.ExpiresOn, realNow.AddMinutes(9), realNow.AddMinutes(10).AddSeconds(5));
    }
}
