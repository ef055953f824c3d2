using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Register;
using SafetyCert.Host.Tests.Api;
using SafetyCert.Host.Tests.Support;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Register;

/// <summary>A province brings its review organizations and review units in from their sheets: dry run, bad rows, import, re-import, correction.</summary>
public sealed class ReviewBodyImportTests(AzuriteFixture azurite)
{
    private static readonly Instant Today = ApiSteps.ShanghaiNine(new LocalDate(2027, 1, 20));
    private static readonly string Organizations = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "review-organizations-example.csv"));
    private static readonly string Units = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "review-units-example.csv"));

    [Fact]
    public async Task The_example_sheets_import_once_and_a_second_run_changes_nothing()
    {
        await using var host = await ApiHost.StartAsync(azurite, Today);

        var dry = await ApiHost.JsonAsync(await ImportAsync(host, ApiHost.Admin, Organizations, "?dryRun=true"));
        Assert.Equal(("review-organizations", 2, 0), (dry.GetProperty("sheet").GetString(), dry.GetProperty("organizationsCreated").GetInt32(), dry.GetProperty("problems").GetArrayLength()));
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/api/review-organizations/nx-org-2", ApiHost.Admin)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(host, ApiHost.Admin, Organizations, "")).StatusCode);
        var organization = await ApiHost.JsonAsync(await host.GetAsync("/api/review-organizations/yc-org-3", ApiHost.Admin));
        Assert.Equal(("银川市安全生产标准化评审中心", "640100", "Municipal"), (organization.GetProperty("name").GetString(), organization.GetProperty("regionCode").GetString(), organization.GetProperty("level").GetString()));

        var units = await ApiHost.JsonAsync(await ImportAsync(host, ApiHost.Admin, Units, ""));
        Assert.Equal(("review-units", 2, 0), (units.GetProperty("sheet").GetString(), units.GetProperty("unitsCreated").GetInt32(), units.GetProperty("problems").GetArrayLength()));
        var unit = (await ApiHost.JsonAsync(await host.GetAsync("/api/review-organizations/nx-org-2/units", ApiHost.Admin)))[0];
        Assert.Equal(("nx-unit-01", "2027-06-30"), (unit.GetProperty("id").GetString(), unit.GetProperty("accreditedThrough").GetString()));
        Assert.Equal(["Level2", "Level3"], unit.GetProperty("approvedGrades").EnumerateArray().Select(g => g.GetString()).ToArray());
        Assert.Equal("Accredited", await ApiSteps.WaitForStatusAsync(host, "/api/workflows/accreditation/nx-unit-01", ApiHost.Admin, "Accredited"));

        var again = await ApiHost.JsonAsync(await ImportAsync(host, ApiHost.Admin, Organizations, ""));
        Assert.Equal((0, 0, 2), (again.GetProperty("organizationsCreated").GetInt32(), again.GetProperty("organizationsChanged").GetInt32(), again.GetProperty("unchanged").GetInt32()));
        var unitsAgain = await ApiHost.JsonAsync(await ImportAsync(host, ApiHost.Admin, Units, ""));
        Assert.Equal((0, 0, 2), (unitsAgain.GetProperty("unitsCreated").GetInt32(), unitsAgain.GetProperty("unitsChanged").GetInt32(), unitsAgain.GetProperty("unchanged").GetInt32()));

        // A corrected row changes that unit only.
        var corrected = Units.Replace("宁夏安科安全评价有限公司", "宁夏安科安全评价股份有限公司", StringComparison.Ordinal);
        var fixedRun = await ApiHost.JsonAsync(await ImportAsync(host, ApiHost.Admin, corrected, ""));
        Assert.Equal((1, 1), (fixedRun.GetProperty("unitsChanged").GetInt32(), fixedRun.GetProperty("unchanged").GetInt32()));
        Assert.Equal("宁夏安科安全评价股份有限公司", (await ApiHost.JsonAsync(await host.GetAsync("/api/review-organizations/nx-org-2/units", ApiHost.Admin)))[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_column_and_nothing_is_written()
    {
        await using var host = await ApiHost.StartAsync(azurite, Today);
        var regulator = ApiHost.Regulator("640000", RegulatorLevel.Provincial);

        // A provincial regulator approves provincial organizations only (RULES.md §8 [000 §3(1)]).
        var organizations = await ApiHost.JsonAsync(await ImportAsync(host, regulator,
            Organizations + "nx-org-2,重复编号中心,640000,省级\nbad-region,未知区划中心,999999,省级\nbad-level,层级错误中心,640000,县级\n", "?dryRun=true"));
        var problems = Problems(organizations);
        Assert.Contains(problems, p => p.Row == 3 && p.Column == "层级" && p.Reason.Contains("640100", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "评审组织单位编号" && p.Reason.Contains("第 2 行", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 5 && p.Column == "行政区划代码");
        Assert.Contains(problems, p => p.Row == 6 && p.Column == "层级");
        await ApiSteps.AssertProblemAsync(await ImportAsync(host, regulator, Organizations, ""), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/api/review-organizations/nx-org-2", ApiHost.Admin)).StatusCode);

        await ImportAsync(host, ApiHost.Admin, Organizations, "");
        var units = await ApiHost.JsonAsync(await ImportAsync(host, ApiHost.Admin,
            Units + "no-org,无组织评审公司,missing-org,三级,工贸,2028-01-31\nbad-grade,等级错误公司,nx-org-2,四级,化工,2028-01-31\nbad-industry,行业错误公司,nx-org-2,二级,农业,2028-01-31\nbad-date,日期错误公司,nx-org-2,二级,化工,2028-02-30\n", "?dryRun=true"));
        problems = Problems(units);
        Assert.Contains(problems, p => p.Row == 4 && p.Column == "评审组织单位编号" && p.Reason.Contains("missing-org", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Row == 5 && p.Column == "评审等级");
        Assert.Contains(problems, p => p.Row == 6 && p.Column == "评审行业");
        Assert.Contains(problems, p => p.Row == 7 && p.Column == "认可有效期至");
        Assert.Equal(2, units.GetProperty("unitsCreated").GetInt32());
        Assert.Empty((await ApiHost.JsonAsync(await host.GetAsync("/api/review-organizations/nx-org-2/units", ApiHost.Admin))).EnumerateArray());
    }

    private static List<(int Row, string Column, string Reason)> Problems(System.Text.Json.JsonElement report) =>
        [.. report.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString()!, p.GetProperty("reason").GetString()!))];

    private static async Task<HttpResponseMessage> ImportAsync(ApiHost host, Caller caller, string csv, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/register/import" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(caller));
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(RegisterFile.CsvMediaType);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
