using Microsoft.AspNetCore.TestHost;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Tests.Api;
using SafetyCert.Host.Tests.Support;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Register;

/// <summary><c>safetycert import</c> sends the file to the host's import API and prints its report.</summary>
public sealed class ImportCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_shipped_example_imports_cleanly_in_a_dry_run_and_then_for_real()
    {
        await using var host = await ApiHost.StartAsync(azurite, ApiSteps.ShanghaiNine(new LocalDate(2027, 1, 20)));
        var token = host.TokenFor(ApiHost.Regulator("640000", RegulatorLevel.Provincial));
        var example = Path.Combine(RepositoryRoot.Path, "samples", "register-example.csv");
        using var handler = host.App.GetTestServer().CreateHandler();

        var (code, output) = await RunAsync([example, "--dry-run", "--url", "http://localhost", "--token", token], handler);
        Assert.True(code == 0, output);
        Assert.Contains("2 rows, 0 problems; enterprises 2 new, 0 changed; certificates 2 new, 0 changed; 0 unchanged; nothing written.", output, StringComparison.Ordinal);

        (code, output) = await RunAsync([example, "--url", "http://localhost", "--token", token], handler);
        Assert.True(code == 0, output);
        Assert.EndsWith("imported.", output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_row_is_printed_with_its_row_and_column()
    {
        await using var host = await ApiHost.StartAsync(azurite, ApiSteps.ShanghaiNine(new LocalDate(2027, 1, 20)));
        var token = host.TokenFor(ApiHost.Regulator("640000", RegulatorLevel.Provincial));
        var file = Path.Combine(Path.GetTempPath(), $"register-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "统一社会信用代码,企业名称,证书编号,等级,行业,行政区划代码,发证机关,发证日期,有效期至,状态\n"
            + "91640100MA7600001K,宁夏安泰化工有限公司,宁AQBⅡ2024000001,二级,危险化学品,640100,宁夏回族自治区应急管理厅,2024-03-15,2027-03-14,有效\n", TestContext.Current.CancellationToken);
        using var handler = host.App.GetTestServer().CreateHandler();

        var (code, output) = await RunAsync([file, "--url", "http://localhost", "--token", token], handler);

        File.Delete(file);
        Assert.Equal(1, code);
        Assert.Contains("row 2, 统一社会信用代码: ", output, StringComparison.Ordinal);
        Assert.Contains("nothing written.", output, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args, HttpMessageHandler handler)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ImportCommand.RunAsync(args, stdout, stderr, handler);
        return (code, stdout + stderr.ToString());
    }
}
