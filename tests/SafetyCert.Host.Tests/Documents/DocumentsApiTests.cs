using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Web;
using Microsoft.AspNetCore.Mvc;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Documents;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Documents;

public sealed class DocumentsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private DocumentsHost? host;

    private DocumentsHost Host => host ?? throw new InvalidOperationException("Not started.");

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
    public async Task Upload_list_and_download_through_the_link_return_the_same_bytes()
    {
        var bytes = Samples.Pdf("self-assessment 2026");

        using var created = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.SelfAssessmentReports, bytes, "自评报告 2026.pdf");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = await ReadAsync<Document>(created);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(sha256, document.Sha256);
        Assert.Equal($"self-assessment-reports-{sha256[..32]}", document.Id);
        Assert.Equal(bytes.Length, document.Size);
        Assert.Equal("application/pdf", document.MediaType);
        Assert.Equal("自评报告 2026.pdf", document.FileName);
        Assert.Equal(("alice", Party.Enterprise), (document.UploadedBy, document.UploadedByRole));
        Assert.Equal(Host.Time.GetUtcNow(), document.UploadedAt);
        Assert.Equal(Samples.NingxiaA.RegionCode, document.RegionCode);
        Assert.Equal($"/api/enterprises/ningxia-a/documents/{document.Id}", created.Headers.Location?.OriginalString);

        using var listed = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal([document], await ReadAsync<Document[]>(listed));

        using var fetched = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, created.Headers.Location!.OriginalString);
        Assert.Equal(document, await ReadAsync<Document>(fetched));

        using var download = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, $"{created.Headers.Location.OriginalString}/download");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        var link = download.Headers.Location!;
        using var storage = new HttpClient();
        using var content = await storage.GetAsync(link, Cancel);
        Assert.Equal(HttpStatusCode.OK, content.StatusCode);
        Assert.Equal(bytes, await content.Content.ReadAsByteArrayAsync(Cancel));
        Assert.Equal("application/pdf", content.Content.Headers.ContentType?.MediaType);
        Assert.Equal("自评报告 2026.pdf", content.Content.Headers.ContentDisposition?.FileNameStar);

        // The link only reads, and only for the configured lifetime (10 minutes by default).
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal(Host.Time.GetUtcNow().AddMinutes(10), DateTimeOffset.Parse(query["se"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("2026", link.AbsolutePath, StringComparison.Ordinal);
        Assert.EndsWith($"/{Host.Prefix}self-assessment-reports/{sha256}", link.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_content_twice_is_one_document_one_blob_and_answers_ok_the_second_time()
    {
        var bytes = Samples.Pdf("application");

        using var first = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, bytes, "first.pdf");
        var original = await ReadAsync<Document>(first);
        var blobETag = (await Host.Blob(DocumentKinds.ApplicationMaterials, original.Sha256).GetPropertiesAsync(cancellationToken: Cancel)).Value.ETag;
        Host.Time.Advance(TimeSpan.FromMinutes(3));
        using var second = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, bytes, "second name.pdf");

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(original, await ReadAsync<Document>(second));
        Assert.Equal("first.pdf", original.FileName);
        Assert.Single(await Host.BlobsAsync());
        Assert.Single(await Host.RowsAsync());
        var after = await Host.Blob(DocumentKinds.ApplicationMaterials, original.Sha256).GetPropertiesAsync(cancellationToken: Cancel);
        Assert.Equal(blobETag, after.Value.ETag);
    }

    [Fact]
    public async Task Two_enterprises_with_the_same_bytes_share_the_blob_which_is_not_rewritten()
    {
        var bytes = Samples.Zip("word/document.xml");

        using var fromA = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.RemediationEvidence, bytes, "整改.docx", DocumentMediaTypes.Docx);
        var documentA = await ReadAsync<Document>(fromA);
        var blob = Host.Blob(DocumentKinds.RemediationEvidence, documentA.Sha256);
        var before = (await blob.GetPropertiesAsync(cancellationToken: Cancel)).Value;
        using var fromB = await Host.UploadAsync(Samples.EnterpriseB, Samples.NingxiaB.Id, DocumentKinds.RemediationEvidence, bytes, "evidence.docx", DocumentMediaTypes.Docx);
        var documentB = await ReadAsync<Document>(fromB);

        Assert.Equal(HttpStatusCode.Created, fromB.StatusCode);
        Assert.Equal((documentA.Id, documentA.Sha256), (documentB.Id, documentB.Sha256));
        Assert.Equal(["ningxia-a", "ningxia-b"], (await Host.RowsAsync()).Select(r => r.PartitionKey).Order(StringComparer.Ordinal));
        Assert.Equal([$"{Host.Prefix}remediation-evidence/{documentA.Sha256}"], await Host.BlobsAsync());
        var after = (await blob.GetPropertiesAsync(cancellationToken: Cancel)).Value;
        Assert.Equal((before.ETag, before.LastModified), (after.ETag, after.LastModified));
        Assert.Equal(documentA.Sha256, after.Metadata["sha256"]);
    }

    [Fact]
    public async Task A_file_over_the_kind_limit_is_refused_with_413_and_nothing_is_written()
    {
        using var response = await Host.UploadAsync(
            Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, Samples.Sized((int)DocumentsHost.MaxBytes + 1));

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{DocumentsHost.MaxBytes} bytes", problem.Detail, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_accepted()
    {
        using var response = await Host.UploadAsync(
            Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, Samples.Sized((int)DocumentsHost.MaxBytes));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_request_body_over_the_upload_limit_is_refused_before_it_is_read()
    {
        var limit = DocumentsHost.MaxBytes + DocumentOptions.MultipartOverheadBytes;

        using var response = await Host.UploadAsync(
            Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, Samples.Sized((int)limit + 1));

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"at most {limit} bytes", problem.Detail, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("text/html", "<html>")]
    [InlineData("application/x-msdownload", "MZ")]
    [InlineData("application/pdf", "png")]
    [InlineData("image/png", "pdf")]
    [InlineData("image/jpeg", "pdf")]
    [InlineData(DocumentMediaTypes.Docx, "pdf")]
    [InlineData(DocumentMediaTypes.Ofd, "<html>")]
    [InlineData("application/pdf", "<html>")]
    public async Task A_forbidden_media_type_or_content_that_contradicts_it_is_refused_with_415_and_nothing_is_written(string mediaType, string content)
    {
        var bytes = content switch
        {
            "png" => Samples.Png(),
            "pdf" => Samples.Pdf("not what it says"),
            _ => Encoding.ASCII.GetBytes(content + " and more"),
        };

        using var response = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.SelfAssessmentReports, bytes, "x.pdf", mediaType);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains(mediaType, problem.Detail, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("image/png", "png", "scan.png")]
    [InlineData("image/jpeg", "jpeg", "photo.jpg")]
    [InlineData(DocumentMediaTypes.Xlsx, "zip", "scores.xlsx")]
    [InlineData(DocumentMediaTypes.Ofd, "zip", "通知.ofd")]
    [InlineData("application/pdf; charset=binary", "pdf", "report.pdf")]
    public async Task Every_allowed_media_type_with_matching_content_is_accepted(string mediaType, string content, string fileName)
    {
        var bytes = content switch
        {
            "png" => Samples.Png(),
            "jpeg" => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0],
            "zip" => Samples.Zip("content.xml"),
            _ => Samples.Pdf("pdf"),
        };

        using var response = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.SelfAssessmentReports, bytes, fileName, mediaType);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await ReadAsync<Document>(response);
        Assert.Equal(mediaType.Split(';')[0], document.MediaType);
        Assert.Equal(fileName, document.FileName);
    }

    [Fact]
    public async Task Missing_file_and_unknown_kind_are_named_in_a_validation_problem_and_nothing_is_written()
    {
        using var noFile = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, "tax-returns", bytes: null);

        var problem = await AssertProblemAsync<ValidationProblemDetails>(noFile, HttpStatusCode.BadRequest);
        Assert.Contains("tax-returns", Assert.Single(problem.Errors["kind"]), StringComparison.Ordinal);
        Assert.Contains("'file'", Assert.Single(problem.Errors["file"]), StringComparison.Ordinal);

        using var noKind = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, kind: null, Samples.Pdf("x"));
        Assert.Contains("self-assessment-reports", Assert.Single((await AssertProblemAsync<ValidationProblemDetails>(noKind, HttpStatusCode.BadRequest)).Errors["kind"]), StringComparison.Ordinal);

        using var empty = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.SelfAssessmentReports, []);
        Assert.Contains("empty", Assert.Single((await AssertProblemAsync<ValidationProblemDetails>(empty, HttpStatusCode.BadRequest)).Errors["file"]), StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused_with_415()
    {
        using var response = await Host.SendAsync(
            Samples.EnterpriseA, HttpMethod.Post, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id), JsonContent.Create(new { kind = "review-reports" }));

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("multipart/form-data", problem.Detail, StringComparison.Ordinal);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\windows\\win.ini", "win.ini")]
    [InlineData("C:\\x\\y.pdf", "y.pdf")]
    [InlineData("/var/tmp/../report.pdf", "report.pdf")]
    [InlineData("..\\..", null)]
    [InlineData("..", null)]
    [InlineData("...", null)]
    public async Task Path_tricks_in_file_names_never_reach_blob_names_and_are_cut_from_the_metadata(string fileName, string? expected)
    {
        var bytes = Samples.Pdf(fileName);

        using var response = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, bytes, fileName);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var document = await ReadAsync<Document>(response);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(expected ?? $"application-materials-{sha256[..12]}.pdf", document.FileName);
        Assert.Equal([$"{Host.Prefix}application-materials/{sha256}"], await Host.BlobsAsync());
        Assert.Equal(document.FileName, Assert.Single(await Host.RowsAsync()).GetString("FileName"));
    }

    [Fact]
    public async Task A_300_character_file_name_is_cut_to_128_keeping_its_extension()
    {
        var fileName = new string('长', 296) + ".pdf";

        using var response = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, Samples.Pdf("long"), fileName);

        var document = await ReadAsync<Document>(response);
        Assert.Equal(new string('长', 124) + ".pdf", document.FileName);
    }

    [Fact]
    public async Task An_enterprise_cannot_read_or_file_documents_of_another_enterprise()
    {
        using var ofB = await Host.UploadAsync(Samples.EnterpriseB, Samples.NingxiaB.Id, DocumentKinds.SelfAssessmentReports, Samples.Pdf("b"));
        var path = ofB.Headers.Location!.OriginalString;

        using var list = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaB.Id));
        using var get = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, path);
        using var download = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, path + "/download");
        using var upload = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaB.Id, DocumentKinds.SelfAssessmentReports, Samples.Pdf("a for b"));

        // Reading answers as for an enterprise that does not exist; filing is refused outright.
        foreach (var (response, status) in new[] { (list, HttpStatusCode.NotFound), (get, HttpStatusCode.NotFound), (download, HttpStatusCode.NotFound), (upload, HttpStatusCode.Forbidden) })
        {
            var problem = await AssertProblemAsync(response, status);
            Assert.Contains("ningxia-b", problem.Detail, StringComparison.Ordinal);
        }

        Assert.Single(await Host.RowsAsync());
        Assert.Single(await Host.BlobsAsync());
    }

    [Fact]
    public async Task A_Beijing_regulator_cannot_file_revocation_evidence_for_a_Ningxia_enterprise_but_the_Ningxia_regulator_can()
    {
        // RULES.md §1, §7: the regulator of the enterprise's region revokes, so only it files the evidence.
        using var beijing = await Host.UploadAsync(Samples.BeijingRegulator, Samples.NingxiaA.Id, DocumentKinds.RevocationEvidence, Samples.Pdf("evidence"));

        await AssertProblemAsync(beijing, HttpStatusCode.Forbidden);
        await AssertNothingWrittenAsync();

        using var ningxia = await Host.UploadAsync(Samples.NingxiaRegulator, Samples.NingxiaA.Id, DocumentKinds.RevocationEvidence, Samples.Pdf("evidence"));
        Assert.Equal(HttpStatusCode.Created, ningxia.StatusCode);
        var document = await ReadAsync<Document>(ningxia);
        Assert.Equal(("nx-reg", Party.Regulator), (document.UploadedBy, document.UploadedByRole));
    }

    [Theory]
    [InlineData("enterprise", DocumentKinds.SelfAssessmentReports, true)]
    [InlineData("enterprise", DocumentKinds.ApplicationMaterials, true)]
    [InlineData("enterprise", DocumentKinds.RemediationEvidence, true)]
    [InlineData("enterprise", DocumentKinds.ReviewReports, false)]
    [InlineData("enterprise", DocumentKinds.RevocationEvidence, false)]
    [InlineData("enterprise", DocumentKinds.VisitReports, false)]
    [InlineData("review unit", DocumentKinds.ReviewReports, true)]
    [InlineData("review unit", DocumentKinds.VisitReports, true)]
    [InlineData("review unit", DocumentKinds.SelfAssessmentReports, false)]
    [InlineData("review unit", DocumentKinds.RevocationEvidence, false)]
    [InlineData("regulator", DocumentKinds.RevocationEvidence, true)]
    [InlineData("regulator", DocumentKinds.ReviewReports, false)]
    [InlineData("regulator", DocumentKinds.ApplicationMaterials, false)]
    [InlineData("review organization", DocumentKinds.ReviewReports, false)]
    [InlineData("administrator", DocumentKinds.RevocationEvidence, false)]
    public async Task Each_party_files_only_its_own_kinds(string party, string kind, bool allowed)
    {
        var caller = party switch
        {
            "enterprise" => Samples.EnterpriseA,
            "review unit" => Samples.ReviewUnit,
            "regulator" => Samples.NingxiaRegulator,
            "review organization" => Samples.NingxiaOrganization,
            _ => Samples.Administrator,
        };

        using var response = await Host.UploadAsync(caller, Samples.NingxiaA.Id, kind, Samples.Pdf(kind));

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            Assert.Equal(kind, (await ReadAsync<Document>(response)).Kind);
        }
        else
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains(kind, problem.Detail, StringComparison.Ordinal);
            await AssertNothingWrittenAsync();
        }
    }

    [Fact]
    public async Task Review_organizations_and_regulators_of_the_region_and_administrators_read_others_do_not()
    {
        using var filed = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.SelfAssessmentReports, Samples.Pdf("read me"));
        var path = filed.Headers.Location!.OriginalString;

        foreach (var reader in new[] { Samples.EnterpriseA, Samples.NingxiaOrganization, Samples.NingxiaRegulator, Samples.Administrator })
        {
            using var list = await Host.SendAsync(reader, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id));
            Assert.Single(await ReadAsync<Document[]>(list));
            using var download = await Host.SendAsync(reader, HttpMethod.Get, path + "/download");
            Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        }

        foreach (var outsider in new[] { Samples.EnterpriseB, Samples.BeijingOrganization, Samples.BeijingRegulator, Samples.ReviewUnit })
        {
            using var list = await Host.SendAsync(outsider, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id));
            // Answered as for an enterprise that does not exist.
            await AssertProblemAsync(list, HttpStatusCode.NotFound);
            using var download = await Host.SendAsync(outsider, HttpMethod.Get, path + "/download");
            await AssertProblemAsync(download, HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task The_list_filters_by_kind_and_refuses_an_unknown_kind()
    {
        using var report = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.SelfAssessmentReports, Samples.Pdf("report"));
        Host.Time.Advance(TimeSpan.FromMinutes(1));
        using var materials = await Host.UploadAsync(Samples.EnterpriseA, Samples.NingxiaA.Id, DocumentKinds.ApplicationMaterials, Samples.Pdf("materials"));

        using var all = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id));
        using var filtered = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id) + "?kind=application-materials");
        using var unknown = await Host.SendAsync(Samples.EnterpriseA, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id) + "?kind=photos");

        Assert.Equal(
            [DocumentKinds.SelfAssessmentReports, DocumentKinds.ApplicationMaterials],
            (await ReadAsync<Document[]>(all)).Select(d => d.Kind));
        Assert.Equal((await ReadAsync<Document>(materials)).Id, Assert.Single(await ReadAsync<Document[]>(filtered)).Id);
        Assert.Contains("photos", Assert.Single((await AssertProblemAsync<ValidationProblemDetails>(unknown, HttpStatusCode.BadRequest)).Errors["kind"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_enterprise_and_unknown_document_are_404_problems()
    {
        using var upload = await Host.UploadAsync(Samples.Administrator, "nobody", DocumentKinds.SelfAssessmentReports, Samples.Pdf("x"));
        using var list = await Host.SendAsync(Samples.Administrator, HttpMethod.Get, DocumentsHost.DocumentsPath("nobody"));
        using var missing = await Host.SendAsync(Samples.Administrator, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id) + "/self-assessment-reports-" + new string('0', 32));
        using var malformed = await Host.SendAsync(Samples.Administrator, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id) + "/..%2F..%2Fsecrets/download");

        Assert.Contains("nobody", (await AssertProblemAsync(upload, HttpStatusCode.NotFound)).Detail, StringComparison.Ordinal);
        Assert.Contains("nobody", (await AssertProblemAsync(list, HttpStatusCode.NotFound)).Detail, StringComparison.Ordinal);
        Assert.Contains("self-assessment-reports-0000", (await AssertProblemAsync(missing, HttpStatusCode.NotFound)).Detail, StringComparison.Ordinal);
        await AssertProblemAsync(malformed, HttpStatusCode.NotFound);
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Anonymous_callers_are_refused_with_401()
    {
        using var upload = await Host.UploadAsync(caller: null, Samples.NingxiaA.Id, DocumentKinds.SelfAssessmentReports, Samples.Pdf("x"));
        using var list = await Host.SendAsync(caller: null, HttpMethod.Get, DocumentsHost.DocumentsPath(Samples.NingxiaA.Id));

        Assert.Equal(HttpStatusCode.Unauthorized, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        await AssertNothingWrittenAsync();
    }

    private async Task AssertNothingWrittenAsync()
    {
        Assert.Empty(await Host.BlobsAsync());
        Assert.Empty(await Host.RowsAsync());
    }

    private static Task<ProblemDetails> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status) =>
        AssertProblemAsync<ProblemDetails>(response, status);

    private static async Task<T> AssertProblemAsync<T>(HttpResponseMessage response, HttpStatusCode status)
        where T : ProblemDetails
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ReadAsync<T>(response);
        Assert.Equal((int)status, problem.Status);
        return problem;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, Cancel)
        ?? throw new InvalidOperationException($"The response has no {typeof(T).Name}.");
}
