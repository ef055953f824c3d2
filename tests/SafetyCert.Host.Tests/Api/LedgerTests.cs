using System.Net;
using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>The supervision ledger over real storage: counts by class, expiring certificates, missed deadlines, each in the caller's region.</summary>
public sealed class LedgerTests(AzuriteFixture azurite)
{
    private const string Shizuishan = "640200";
    private const string Uncertified = "91640200MA76XQ568X";
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task The_ledger_counts_certified_uncertified_and_new_enterprises_of_the_callers_region()
    {
        await using var host = await ArrangeAsync();
        var province = ApiHost.Regulator("640000", RegulatorLevel.Provincial);

        var all = await RowsAsync(host, "/api/ledger", province);
        Assert.Equal(
            ["640100/Level3/chemicals 1 0 1", "640200/none/chemicals 0 1 0"],
            all);
        Assert.Equal(["640100/Level3/chemicals 1 0 1"], await RowsAsync(host, "/api/ledger?level=Level3", province));
        Assert.Equal(["640200/none/chemicals 0 1 0"], await RowsAsync(host, $"/api/ledger?region={Shizuishan}", ApiHost.Admin));
        Assert.Equal(["640100/Level3/chemicals 1 0 1"], await RowsAsync(host, "/api/ledger", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal)));

        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/ledger?region=640000", ApiHost.Regulator("110000", RegulatorLevel.Provincial)), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/ledger", ApiHost.Enterprise(ApiSteps.EnterpriseId)), HttpStatusCode.Forbidden);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/ledger?level=Level9", province), HttpStatusCode.BadRequest);
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/ledger?region=64", province), HttpStatusCode.BadRequest);

        // A certificate of an earlier year is certified but not new.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2027, 2, 1)));
        Assert.Equal(["640100/Level3/chemicals 1 0 0", "640200/none/chemicals 0 1 0"], await RowsAsync(host, "/api/ledger", province));
    }

    [Fact]
    public async Task Expiring_certificates_and_missed_deadlines_are_listed_from_the_certificate_term_and_running_deadlines()
    {
        await using var host = await ArrangeAsync();
        var province = ApiHost.Regulator("640000", RegulatorLevel.Provincial);
        Assert.Empty((await ApiHost.JsonAsync(await host.GetAsync("/api/ledger/expiring?days=60", province))).EnumerateArray());
        Assert.Empty((await ApiHost.JsonAsync(await host.GetAsync("/api/ledger/overdue", province))).EnumerateArray());
        await ApiSteps.AssertProblemAsync(await host.GetAsync("/api/ledger/expiring?days=0", province), HttpStatusCode.BadRequest);

        // Read the missed deadline first: moving the clock lets the next timer sweep mark the report overdue and end its deadline.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2029, 1, 15)));
        // RULES.md §2 [001 art.3]: the 2026 report was due on 2026-12-31 and never came.
        var overdue = (await ApiHost.JsonAsync(await host.GetAsync("/api/ledger/overdue", province))).EnumerateArray().ToList();
        var report = Assert.Single(overdue, d => d.GetProperty("enterpriseId").GetString() == Uncertified);
        Assert.Equal(("self-assessment", "2026-12-31"), (report.GetProperty("kind").GetString(), report.GetProperty("due").GetString()));
        Assert.DoesNotContain(overdue, d => d.GetProperty("enterpriseId").GetString() == Uncertified && d.GetProperty("kind").GetString() != "self-assessment");
        Assert.DoesNotContain((await ApiHost.JsonAsync(await host.GetAsync("/api/ledger/overdue", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal))))
            .EnumerateArray(), d => d.GetProperty("enterpriseId").GetString() == Uncertified);

        // RULES.md §5 [001 art.16]: three years from 2026-03-10, so the last valid day is 2029-03-09.
        var expiring = (await ApiHost.JsonAsync(await host.GetAsync("/api/ledger/expiring?days=60", province))).EnumerateArray().Single();
        Assert.Equal(("2029-03-09", ApiSteps.EnterpriseId), (expiring.GetProperty("lastValidDay").GetString(), expiring.GetProperty("enterpriseId").GetString()));
        Assert.Empty((await ApiHost.JsonAsync(await host.GetAsync("/api/ledger/expiring?days=30", province))).EnumerateArray());
        Assert.Empty((await ApiHost.JsonAsync(await host.GetAsync("/api/ledger/expiring?days=60", ApiHost.Regulator(Shizuishan, RegulatorLevel.Municipal)))).EnumerateArray());
    }

    /// <summary>A certified Yinchuan enterprise and an uncertified Shizuishan one with its 2026 self-assessment open.</summary>
    private async Task<ApiHost> ArrangeAsync()
    {
        var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var registered = await host.PostAsync("/api/enterprises", ApiHost.Admin, new { code = Uncertified, name = "Dawukou Chemicals", regionCode = Shizuishan, industry = "chemicals" });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var opened = await host.PostAsync($"/api/enterprises/{Uncertified}/self-assessments/2026/open", ApiHost.Enterprise(Uncertified), new { grade = "Level3" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return host;
    }

    private static async Task<List<string>> RowsAsync(ApiHost host, string path, Functions.Access.Caller caller)
    {
        var response = await host.GetAsync(path, caller);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. (await ApiHost.JsonAsync(response)).GetProperty("rows").EnumerateArray().Select(Format)];
    }

    private static string Format(JsonElement r) =>
        $"{r.GetProperty("regionCode").GetString()}/{r.GetProperty("grade").GetString()}/{r.GetProperty("industry").GetString()} {r.GetProperty("certified").GetInt32()} {r.GetProperty("notCertified").GetInt32()} {r.GetProperty("new").GetInt32()}";
}
