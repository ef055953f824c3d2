using System.Net;
using System.Net.Http.Headers;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Api.Register;
using SafetyCert.Functions.Api.Verification;
using SafetyCert.Host.Tests.Api;
using SafetyCert.Host.Tests.Support;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Verification;

/// <summary>Anyone checks a certificate by its number, without a token, and learns only what the certificate itself shows.</summary>
public sealed class PublicVerificationTests(AzuriteFixture azurite)
{
    private const string Number = "宁AQBⅡ2024000001";

    private static async Task<ApiHost> ImportedAsync(AzuriteFixture azurite)
    {
        var host = await ApiHost.StartAsync(azurite, ApiSteps.ShanghaiNine(new LocalDate(2027, 1, 20)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/register/import");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(ApiHost.Regulator("640000", RegulatorLevel.Provincial)));
        request.Content = new ByteArrayContent(await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Path, "samples", "register-example.csv"), TestContext.Current.CancellationToken));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(RegisterFile.CsvMediaType);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal("Expired", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{CertificateIds.ForImported("宁AQBⅢ2023000007")}", ApiHost.Admin, "Expired"));
        return host;
    }

    [Fact]
    public async Task A_look_up_without_a_token_shows_name_grade_issuing_body_validity_and_status_and_nothing_else()
    {
        await using var host = await ImportedAsync(azurite);

        var response = await host.Client.GetAsync(new Uri($"/api/public/certificates/{Uri.EscapeDataString(Number)}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiHost.JsonAsync(response);
        Assert.Equal(
            ["enterpriseName", "grade", "issuedOn", "issuingBody", "number", "status", "statusLabel", "validThrough"],
            body.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("宁夏安泰化工有限公司", body.GetProperty("enterpriseName").GetString());
        Assert.Equal("二级", body.GetProperty("grade").GetString());
        Assert.Equal("宁夏回族自治区应急管理厅", body.GetProperty("issuingBody").GetString());
        Assert.Equal("2027-03-14", body.GetProperty("validThrough").GetString());
        Assert.Equal("Active", body.GetProperty("status").GetString());
        Assert.Equal("有效", body.GetProperty("statusLabel").GetString());
        Assert.DoesNotContain("91640100MA7600001J", body.GetRawText(), StringComparison.Ordinal);

        var expired = await ApiHost.JsonAsync(await host.Client.GetAsync(new Uri($"/api/public/certificates/{Uri.EscapeDataString("宁AQBⅢ2023000007")}", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal("Expired", expired.GetProperty("status").GetString());
        Assert.Equal("已过期", expired.GetProperty("statusLabel").GetString());
        var unknown = await host.Client.GetAsync(new Uri($"/api/public/certificates/{Uri.EscapeDataString("宁AQBⅡ2024999999")}", UriKind.Relative), TestContext.Current.CancellationToken);
        await ApiSteps.AssertProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Look_ups_over_the_limit_get_a_429_problem_until_the_minute_has_passed()
    {
        await using var host = await ImportedAsync(azurite);
        var path = new Uri($"/api/public/certificates/{Uri.EscapeDataString(Number)}", UriKind.Relative);
        for (var i = 0; i < VerificationLimiter.PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
        }

        var limited = await host.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Contains("rate-limited", await ApiSteps.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests), StringComparison.Ordinal);
        Assert.NotNull(limited.Headers.RetryAfter);

        host.Clock.Advance(Duration.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync(path, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_printed_qr_code_is_a_png_and_the_page_it_links_to_is_served_without_a_token()
    {
        await using var host = await ApiHost.StartAsync(azurite, ApiSteps.ShanghaiNine(new LocalDate(2027, 1, 20)));

        var qr = await host.Client.GetAsync(new Uri($"/api/public/certificates/{Uri.EscapeDataString(Number)}/qr.png", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, qr.StatusCode);
        Assert.Equal("image/png", qr.Content.Headers.ContentType?.MediaType);
        var png = await qr.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);

        var page = await host.Client.GetAsync(new Uri($"/api/public/verify?number={Uri.EscapeDataString(Number)}", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(Number, html, StringComparison.Ordinal);
        Assert.Contains("/api/public/certificates/", html, StringComparison.Ordinal);
        // The page shows the Chinese label under 状态 and only the fields it names: never the English status code.
        Assert.Contains("statusLabel: '状态'", html, StringComparison.Ordinal);
        Assert.Contains("if (!(k in labels)) continue;", html, StringComparison.Ordinal);
    }
}
