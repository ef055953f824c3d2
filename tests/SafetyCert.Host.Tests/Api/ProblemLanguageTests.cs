using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using NodaTime;
using SafetyCert.Functions.Access;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>A problem answers in the language the caller asks for (Accept-Language), field errors included; English without one.</summary>
public sealed class ProblemLanguageTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);
    private static readonly Caller Enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
    private static readonly string Submit = $"/api/enterprises/{ApiSteps.EnterpriseId}/self-assessments/2025";
    private const string BadReport = """{"score":150,"postedInternally":true,"appliesForReview":false,"reportDocumentId":" "}""";

    [Fact]
    public async Task The_same_bad_report_gets_Chinese_field_errors_in_Chinese_and_English_ones_in_English()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);

        var (zh, zhLanguage) = await ProblemAsync(host, Submit, BadReport, "zh-CN,zh;q=0.9,en;q=0.8");
        var (en, enLanguage) = await ProblemAsync(host, Submit, BadReport, "en-US,en;q=0.9");

        Assert.Equal("zh-CN", zhLanguage);
        Assert.Equal("en", enLanguage);
        Assert.Equal("请求内容有误", zh.GetProperty("title").GetString());
        Assert.Equal("The request is invalid", en.GetProperty("title").GetString());
        Assert.Equal("得分须在 0 到 100 之间；150 不在此范围内。", Error(zh, "score"));
        Assert.Equal("A score lies between 0 and 100; 150 does not.", Error(en, "score"));

        // The rule behind a message is cited by the regulation's title and article, never by the rulebook's shorthand.
        var zhReport = Error(zh, "reportDocumentId");
        var enReport = Error(en, "reportDocumentId");
        Assert.StartsWith("须先上传自评报告并填写其编号。（依据《", zhReport, StringComparison.Ordinal);
        Assert.Contains("第七条", zhReport, StringComparison.Ordinal);
        Assert.Contains("《", enReport, StringComparison.Ordinal);
        Assert.Contains("article 7", enReport, StringComparison.Ordinal);
        foreach (var text in new[] { zh.ToString(), en.ToString() })
        {
            Assert.DoesNotContain("[001", text, StringComparison.Ordinal);
            Assert.DoesNotContain("001 art", text, StringComparison.Ordinal);
        }

        // The detail repeats each field error in the same language.
        Assert.Contains("score：得分须在", zh.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("score: A score lies", en.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "en")]
    [InlineData("fr-FR", "en")]
    [InlineData("fr-FR,zh-TW;q=0.5", "zh-CN")]
    [InlineData("zh;q=0, en", "en")]
    [InlineData("en;q=0.4, zh-Hans;q=0.8", "zh-CN")]
    public async Task The_language_is_the_first_wanted_one_the_API_speaks_and_English_otherwise(string? acceptLanguage, string expected)
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);

        var (_, language) = await ProblemAsync(host, Submit, BadReport, acceptLanguage);

        Assert.Equal(expected, language);
    }

    [Fact]
    public async Task A_value_that_cannot_be_read_is_named_in_Chinese_too()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);

        var (zh, _) = await ProblemAsync(host, "/api/certificates/no-such/accidents", """{"on":"2026-02-30","deaths":1}""", "zh-CN");
        var (missing, _) = await ProblemAsync(host, "/api/certificates/no-such/accidents", """{"deaths":1}""", "zh-CN");

        Assert.Equal("请求无法读取", zh.GetProperty("title").GetString());
        Assert.Equal("“2026-02-30”不是有效日期（yyyy-MM-dd）。", Error(zh, "on"));
        Assert.Equal("事故发生日期为必填项（yyyy-MM-dd）。", Error(missing, "on"));
    }

    private static string? Error(JsonElement problem, string field) => problem.GetProperty("errors").GetProperty(field)[0].GetString();

    private static async Task<(JsonElement Problem, string? Language)> ProblemAsync(ApiHost host, string path, string body, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(path.Contains("certificates", StringComparison.Ordinal) ? ApiHost.Admin : Enterprise));
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        return (await ApiHost.JsonAsync(response), response.Content.Headers.ContentLanguage.SingleOrDefault());
    }
}
