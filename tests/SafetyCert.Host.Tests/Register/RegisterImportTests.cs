using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Register;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Tests.Api;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Register;

/// <summary>A province starts from its existing ledger (台账): dry run, import, re-import, correction and export, through the API on Azurite.</summary>
public sealed class RegisterImportTests(AzuriteFixture azurite)
{
    private const string Header = "统一社会信用代码,企业名称,证书编号,等级,行业,行政区划代码,发证机关,发证日期,有效期至,状态";
    private const string InWindow = "91640100MA7600001J,宁夏安泰化工有限公司,宁AQBⅡ2024000001,二级,危险化学品,640100,宁夏回族自治区应急管理厅,2024-03-15,2027-03-14,有效";
    private const string Lapsed = "91350100M000100Y43,银川建材有限公司,宁AQBⅢ2023000007,三级,建材,640100,银川市应急管理局,2023-06-01,2026-05-31,过期";

    // 2027-01-20: inside the renewal window of a certificate valid through 2027-03-14 (RULES.md §6), after the other's last valid day.
    private static readonly Instant Today = ApiSteps.ShanghaiNine(new LocalDate(2027, 1, 20));
    private static readonly Caller Regulator = ApiHost.Regulator("640000", RegulatorLevel.Provincial);

    [Fact]
    public async Task A_dry_run_reports_every_bad_row_with_row_column_and_reason_and_writes_nothing()
    {
        await using var host = await ApiHost.StartAsync(azurite, Today);
        var file = string.Join('\n',
            Header,
            InWindow,
            "91640100MA7600001K,坏校验位公司,宁AQBⅡ2024000002,二级,危险化学品,640100,宁夏回族自治区应急管理厅,2024-03-15,2027-03-14,有效",
            "91350100M000100Y43,未知区划公司,宁AQBⅢ2024000003,三级,建材,999999,某局,2024-03-15,2027-03-14,有效",
            "91350100M000100Y43,编号错误公司,宁AQB2024000004,三级,建材,640100,银川市应急管理局,2024-03-15,2027-03-14,有效",
            "91350100M000100Y43,日期错误公司,宁AQBⅢ2024000005,三级,建材,640100,银川市应急管理局,2024-03-15,2027-03-15,有效",
            InWindow);

        var response = await ImportAsync(host, Regulator, file, "?dryRun=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await ApiHost.JsonAsync(response);
        Assert.True(report.GetProperty("dryRun").GetBoolean());
        // Each reason in Chinese for the regulator who reads the report, and in English beside it.
        var problems = report.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("reason").GetString()!, p.GetProperty("reasonEn").GetString()!)).ToList();
        Assert.Contains(problems, p => p.Item1 == 3 && p.Item2 == "统一社会信用代码" && p.Item3.Contains("校验码", StringComparison.Ordinal) && p.Item4.Contains("check character", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 4 && p.Item2 == "行政区划代码" && p.Item3.Contains("999999", StringComparison.Ordinal) && p.Item3.Contains("行政区划代码", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 5 && p.Item2 == "证书编号" && p.Item3.Contains("编号规则", StringComparison.Ordinal) && p.Item4.Contains("numbering rule", StringComparison.Ordinal));
        // RULES.md §5: issued 2024-03-15 → valid through 2027-03-14, by the domain's own rule.
        Assert.Contains(problems, p => p.Item1 == 6 && p.Item2 == "有效期至" && p.Item3.Contains("有效期至 2027-03-14", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 7 && p.Item2 == "证书编号" && p.Item3.Contains("第 2 行", StringComparison.Ordinal) && p.Item4.Contains("row 2", StringComparison.Ordinal));
        // Every reason is worded in Chinese: none is left in English only.
        Assert.All(problems, p => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}.*\p{IsCJKUnifiedIdeographs}.*\p{IsCJKUnifiedIdeographs}", p.Item3.Replace(p.Item2!, "", StringComparison.Ordinal)));
        Assert.Equal(1, report.GetProperty("certificatesCreated").GetInt32());

        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/api/certificates/by-number/宁AQBⅡ2024000001", ApiHost.Admin)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/api/enterprises/91640100MA7600001J", ApiHost.Admin)).StatusCode);

        // A real run of a file with bad rows writes nothing either.
        await ApiSteps.AssertProblemAsync(await ImportAsync(host, Regulator, file, ""), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync("/api/certificates/by-number/宁AQBⅡ2024000001", ApiHost.Admin)).StatusCode);
    }

    [Fact]
    public async Task Only_a_regulator_in_its_region_or_an_administrator_imports()
    {
        await using var host = await ApiHost.StartAsync(azurite, Today);
        var file = Header + "\n" + InWindow;

        await ApiSteps.AssertProblemAsync(await ImportAsync(host, ApiHost.Enterprise("91640100MA7600001J"), file, "?dryRun=true"), HttpStatusCode.Forbidden);
        var elsewhere = await ApiHost.JsonAsync(await ImportAsync(host, ApiHost.Regulator("110000", RegulatorLevel.Provincial), file, "?dryRun=true"));
        Assert.Contains("不在当前用户的管辖区域", elsewhere.GetProperty("problems")[0].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("outside this caller's region", elsewhere.GetProperty("problems")[0].GetProperty("reasonEn").GetString(), StringComparison.Ordinal);
        await ApiSteps.AssertProblemAsync(await SendAsync(host, Regulator, Encoding.UTF8.GetBytes(file), "application/json", ""), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_import_starts_each_certificate_where_its_dates_put_it_and_a_second_run_changes_nothing()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Today, notices);
        var file = string.Join('\n', Header, InWindow, Lapsed);

        var first = await ApiHost.JsonAsync(await ImportAsync(host, Regulator, file, ""));
        Assert.Equal((2, 2, 0), (first.GetProperty("enterprisesCreated").GetInt32(), first.GetProperty("certificatesCreated").GetInt32(), first.GetProperty("unchanged").GetInt32()));

        var inWindow = CertificateIds.ForImported("宁AQBⅡ2024000001");
        var lapsed = CertificateIds.ForImported("宁AQBⅢ2023000007");
        Assert.Equal("Active", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{inWindow}", ApiHost.Admin, "Active"));
        // RULES.md §5 [000 §3(4)]: past its last valid day (2026-05-31) the certificate is void.
        Assert.Equal("Expired", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{lapsed}", ApiHost.Admin, "Expired"));
        // RULES.md §6: inside its window the enterprise (and the regulator) get the window notice, once.
        await WaitForAsync(() => notices.Requests.Count(r => r.InstanceId == inWindow && r.Notice.Kind == NoticeKinds.RenewalWindowOpen) == 2);

        var second = await ApiHost.JsonAsync(await ImportAsync(host, Regulator, file, ""));
        Assert.Equal((0, 0, 0, 2), (second.GetProperty("enterprisesCreated").GetInt32(), second.GetProperty("certificatesCreated").GetInt32(), second.GetProperty("certificatesChanged").GetInt32(), second.GetProperty("unchanged").GetInt32()));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(2, notices.Requests.Count(r => r.InstanceId == inWindow && r.Notice.Kind == NoticeKinds.RenewalWindowOpen));

        // A corrected file changes only the corrected row.
        var corrected = string.Join('\n', Header, InWindow.Replace("宁夏回族自治区应急管理厅", "宁夏回族自治区应急管理厅（更正）", StringComparison.Ordinal), Lapsed);
        var dry = await ApiHost.JsonAsync(await ImportAsync(host, Regulator, corrected, "?dryRun=true"));
        Assert.Equal((1, 1), (dry.GetProperty("certificatesChanged").GetInt32(), dry.GetProperty("unchanged").GetInt32()));
        await ImportAsync(host, Regulator, corrected, "");
        Assert.Equal(0, (await ApiHost.JsonAsync(await ImportAsync(host, Regulator, corrected, "?dryRun=true"))).GetProperty("certificatesChanged").GetInt32());

        // The export carries the import's columns: imported again, nothing changes.
        var export = await host.GetAsync("/api/register/export", Regulator);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal(RegisterFile.XlsxMediaType, export.Content.Headers.ContentType?.MediaType);
        var xlsx = await export.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        var roundTrip = await ApiHost.JsonAsync(await SendAsync(host, Regulator, xlsx, RegisterFile.XlsxMediaType, "?dryRun=true"));
        Assert.Empty(roundTrip.GetProperty("problems").EnumerateArray());
        Assert.Equal((0, 0, 0, 0, 2), (roundTrip.GetProperty("enterprisesCreated").GetInt32(), roundTrip.GetProperty("enterprisesChanged").GetInt32(),
            roundTrip.GetProperty("certificatesCreated").GetInt32(), roundTrip.GetProperty("certificatesChanged").GetInt32(), roundTrip.GetProperty("unchanged").GetInt32()));
    }

    [Fact]
    public async Task Holding_past_notices_imports_without_the_notices_already_due()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Today, notices);

        var report = await ImportAsync(host, Regulator, string.Join('\n', Header, InWindow, Lapsed), "?holdPastNotices=true");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("Expired", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{CertificateIds.ForImported("宁AQBⅢ2023000007")}", ApiHost.Admin, "Expired"));
        Assert.Equal("Active", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{CertificateIds.ForImported("宁AQBⅡ2024000001")}", ApiHost.Admin, "Active"));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Empty(notices.Requests);
    }

    [Fact]
    public async Task A_ledger_with_every_status_the_export_writes_round_trips_without_a_change()
    {
        await using var host = await ApiHost.StartAsync(azurite, Today);
        // RULES.md §5 [001 art.16]: a licence lapse suspends only a certificate whose industry needs the licence.
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/enterprises", Regulator, new
        {
            code = "91640100MA7600011K", name = "宁夏暂扣化工有限公司", regionCode = "640100", industry = "hazardous-chemicals", licenceRequired = true, licenceValidUntil = "2027-06-30",
        })).StatusCode);
        var file = string.Join('\n', Header, InWindow, Lapsed,
            "91640100MA7600011K,宁夏暂扣化工有限公司,宁AQBⅡ2025000011,二级,危险化学品,640100,宁夏回族自治区应急管理厅,2025-05-01,2028-04-30,有效",
            "91640100MA7600021L,银川撤销建材有限公司,宁AQBⅢ2025000012,三级,建材,640100,银川市应急管理局,2025-05-02,2028-05-01,有效",
            "91640100MA7600031M,银川换证建材有限公司,宁AQBⅢ2024000013,三级,建材,640100,银川市应急管理局,2024-09-01,2027-08-31,有效",
            "91640100MA7600041N,银川取消建材有限公司,宁AQBⅢ2025000014,三级,建材,640100,银川市应急管理局,2025-06-01,2028-05-31,有效");
        Assert.Equal(HttpStatusCode.OK, (await ImportAsync(host, Regulator, file, "")).StatusCode);
        string Id(string number) => CertificateIds.ForImported(number);
        foreach (var number in new[] { "宁AQBⅡ2025000011", "宁AQBⅢ2025000012", "宁AQBⅢ2024000013", "宁AQBⅢ2025000014" })
        {
            Assert.Equal("Active", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{Id(number)}", ApiHost.Admin, "Active"));
        }

        // Each certificate reaches its status through the step that gives it; revocation, a new certificate and a
        // missed remediation arrive as the events their own workflows send.
        await ApiSteps.StepAsync(host, $"/api/certificates/{Id("宁AQBⅡ2025000011")}/licence-lapse", Regulator, new { }, "Suspended");
        var engine = host.App.Services.GetRequiredService<WorkflowClients>().For(host.App.Services.GetRequiredService<DurableTaskClient>());
        var ct = TestContext.Current.CancellationToken;
        var on = new LocalDate(2027, 1, 20);
        Assert.Equal(Outcome.Applied, (await engine.ApplyAsync(WorkflowKinds.Certificate, Id("宁AQBⅢ2025000012"),
            new RevocationConfirmed([RevocationGround.FraudInReview], on, on.PlusYears(1).PlusDays(1)), "revoked", "officer", ct)).Outcome);
        Assert.Equal(Outcome.Applied, (await engine.ApplyAsync(WorkflowKinds.Certificate, Id("宁AQBⅢ2024000013"),
            new CertificateSuperseded(Id("宁AQBⅡ2027000001"), on, "宁AQBⅡ2027000001"), "superseded", "officer", ct)).Outcome);
        Assert.Equal(Outcome.Applied, (await engine.ApplyAsync(WorkflowKinds.Certificate, Id("宁AQBⅢ2025000014"),
            new RemediationMissed("remediation-1", on.PlusDays(-1)), "cancelled", "officer", ct)).Outcome);

        var export = await (await host.GetAsync("/api/register/export", Regulator)).Content.ReadAsByteArrayAsync(ct);
        var ledger = RegisterFile.ReadXlsx(new MemoryStream(export)).Rows.ToDictionary(r => r.Cells["证书编号"], r => r.Cells["状态"]);
        Assert.Equal(
            ["有效", "过期", "暂扣", "撤销", "已换证", "已取消"],
            new[] { "宁AQBⅡ2024000001", "宁AQBⅢ2023000007", "宁AQBⅡ2025000011", "宁AQBⅢ2025000012", "宁AQBⅢ2024000013", "宁AQBⅢ2025000014" }.Select(n => ledger[n]).ToArray());

        var dry = await ApiHost.JsonAsync(await SendAsync(host, Regulator, export, RegisterFile.XlsxMediaType, "?dryRun=true"));
        Assert.Empty(dry.GetProperty("problems").EnumerateArray());
        Assert.Equal((0, 0, 0, 0, 6), (dry.GetProperty("enterprisesCreated").GetInt32(), dry.GetProperty("enterprisesChanged").GetInt32(),
            dry.GetProperty("certificatesCreated").GetInt32(), dry.GetProperty("certificatesChanged").GetInt32(), dry.GetProperty("unchanged").GetInt32()));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(host, Regulator, export, RegisterFile.XlsxMediaType, "")).StatusCode);
        var again = await (await host.GetAsync("/api/register/export", Regulator)).Content.ReadAsByteArrayAsync(ct);
        Assert.Equal(ledger, RegisterFile.ReadXlsx(new MemoryStream(again)).Rows.ToDictionary(r => r.Cells["证书编号"], r => r.Cells["状态"]));

        // A status the system does not hold is reported, never recorded by an import.
        var disagreeing = string.Join('\n', Header,
            "91640100MA7600021L,银川撤销建材有限公司,宁AQBⅢ2025000012,三级,建材,640100,银川市应急管理局,2025-05-02,2028-05-01,有效",
            "91640100MA7600051P,银川新撤销有限公司,宁AQBⅢ2025000015,三级,建材,640100,银川市应急管理局,2025-05-02,2028-05-01,撤销",
            "91640100MA7600061Q,银川状态错误有限公司,宁AQBⅢ2025000016,三级,建材,640100,银川市应急管理局,2025-05-02,2028-05-01,吊销");
        var problems = (await ApiHost.JsonAsync(await ImportAsync(host, Regulator, disagreeing, "?dryRun=true"))).GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("row").GetInt32(), p.GetProperty("column").GetString(), p.GetProperty("reason").GetString()!)).ToList();
        Assert.Contains(problems, p => p.Item1 == 2 && p.Item2 == "状态" && p.Item3.Contains("当前为撤销", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 3 && p.Item2 == "状态" && p.Item3.Contains("系统中没有证书", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Item1 == 4 && p.Item2 == "状态" && p.Item3.Contains("吊销", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_import_cut_short_keeps_its_progress_and_the_same_file_resumes_it_without_duplicating()
    {
        var notices = new RecordingOutbox();
        await using var host = await ApiHost.StartAsync(azurite, Today, notices);
        var csv = string.Join('\n', Header, InWindow, Lapsed,
            "91640100MA7600021L,银川甲建材有限公司,宁AQBⅢ2025000021,三级,建材,640100,银川市应急管理局,2025-05-02,2028-05-01,有效",
            "91640100MA7600031M,银川乙建材有限公司,宁AQBⅢ2025000022,三级,建材,640100,银川市应急管理局,2025-05-03,2028-05-02,有效",
            "91640100MA7600041N,银川丙建材有限公司,宁AQBⅢ2025000023,三级,建材,640100,银川市应急管理局,2025-05-04,2028-05-03,有效");
        var bytes = Encoding.UTF8.GetBytes(csv);
        var hash = ImportProgressBook.HashOf(bytes);
        var import = host.App.Services.GetRequiredService<RegisterImport>();
        import.RowsPerChunk = 2;
        var engine = host.App.Services.GetRequiredService<WorkflowClients>().For(host.App.Services.GetRequiredService<DurableTaskClient>());

        // Progress is recorded every two rows here; the run is cut off once the first two are done, as a host stopping mid-file would be.
        using var cut = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var first = new RowsDone(done => { if (done == 2) { cut.Cancel(); } });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            import.RunAsync(RegisterFile.ReadCsv(new MemoryStream(bytes)), hash, Regulator, engine, dryRun: false, holdPastNotices: false, first, cut.Token));
        Assert.Equal([2], first.Seen);

        var id = ImportProgressBook.IdOf(hash);
        var record = await ApiHost.JsonAsync(await host.GetAsync($"/api/register/imports/{id}", Regulator));
        Assert.Equal(("Interrupted", 2, 5, 5, 5), (record.GetProperty("state").GetString(), record.GetProperty("rowsDone").GetInt32(), record.GetProperty("rowsToApply").GetInt32(),
            record.GetProperty("certificatesCreated").GetInt32(), record.GetProperty("enterprisesCreated").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/api/register/imports/{id}", ApiHost.Regulator("110000", RegulatorLevel.Provincial))).StatusCode);
        // The chunk after the one counted was applied while the counted one's starts were confirmed; none beyond it was.
        Assert.Equal(HttpStatusCode.NotFound, (await host.GetAsync($"/api/certificates/by-number/宁AQBⅢ2025000023", ApiHost.Admin)).StatusCode);

        // The same file again goes on from row three and reports the plan of the run it finishes.
        var second = new RowsDone(_ => { });
        var report = await import.RunAsync(RegisterFile.ReadCsv(new MemoryStream(bytes)), hash, Regulator, engine, dryRun: false, holdPastNotices: false, second, TestContext.Current.CancellationToken);
        Assert.Equal([4, 5], second.Seen);
        Assert.Equal((5, 5, id), (report.CertificatesCreated, report.EnterprisesCreated, report.ImportId));
        record = await ApiHost.JsonAsync(await host.GetAsync($"/api/register/imports/{id}", Regulator));
        Assert.Equal(("Completed", 5), (record.GetProperty("state").GetString(), record.GetProperty("rowsDone").GetInt32()));

        // Nothing twice: each certificate once in the index, the window notice once to each recipient.
        var listed = await ApiHost.JsonAsync(await host.GetAsync("/api/certificates?regionCode=640100&pageSize=100", Regulator));
        Assert.Equal(5, listed.GetProperty("total").GetInt32());
        var inWindow = CertificateIds.ForImported("宁AQBⅡ2024000001");
        await WaitForAsync(() => notices.Requests.Count(r => r.InstanceId == inWindow && r.Notice.Kind == NoticeKinds.RenewalWindowOpen) == 2);
        var posted = await ApiHost.JsonAsync(await ImportAsync(host, Regulator, csv, ""));
        Assert.Equal((0, 5, id), (posted.GetProperty("certificatesCreated").GetInt32(), posted.GetProperty("unchanged").GetInt32(), posted.GetProperty("importId").GetString()));
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.Equal(2, notices.Requests.Count(r => r.InstanceId == inWindow && r.Notice.Kind == NoticeKinds.RenewalWindowOpen));
    }

    /// <summary>Hears each chunk done, synchronously, so a test can stop an import at an exact row.</summary>
    private sealed class RowsDone(Action<int> onRow) : IProgress<ImportProgress>
    {
        public List<int> Seen { get; } = [];

        public void Report(ImportProgress value)
        {
            Seen.Add(value.RowsDone);
            onRow(value.RowsDone);
        }
    }

    private static Task<HttpResponseMessage> ImportAsync(ApiHost host, Caller caller, string csv, string query) =>
        SendAsync(host, caller, Encoding.UTF8.GetBytes(csv), RegisterFile.CsvMediaType, query);

    private static async Task<HttpResponseMessage> SendAsync(ApiHost host, Caller caller, byte[] body, string mediaType, string query)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/register/import" + query);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(caller));
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
