using SafetyCert.Infra.Tests.Bicep;

namespace SafetyCert.Infra.Tests.Templates;

/// <summary>
/// A parameter file with one value outside what main.bicep allows must fail at build time,
/// with the error on that value's line, long before anything reaches Azure.
/// </summary>
public sealed class ParameterValidationTests : IDisposable
{
    private static readonly Dictionary<string, string> ValidValues = new()
    {
        ["environmentName"] = "'dev'",
        ["documentImmutabilityDays"] = "1",
        ["smtpHost"] = "'smtp.example.cn'",
        ["smtpUserName"] = "'notify@example.cn'",
        ["smtpSender"] = "'notify@example.cn'",
        ["smtpPassword"] = "'x'",
        ["jwtAudience"] = "'api://safetycert-test'",
    };

    private readonly string directory = Directory.CreateTempSubdirectory("safetycert-params-").FullName;

    [Fact]
    public async Task Valid_values_build()
    {
        var (run, _) = await BuildWithAsync([]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.StandardError.Trim());
    }

    [Theory]
    [InlineData("environmentName", "'staging'")]
    [InlineData("baseName", "'sc'")]
    [InlineData("documentImmutabilityDays", "0")]
    [InlineData("storageSku", "'Premium_LRS'")]
    [InlineData("storagePrefix", "''")]
    [InlineData("taskHubName", "'hb'")]
    [InlineData("taskHubName", "'h234567890123456789012345678901234567890123456'")]
    [InlineData("maximumInstanceCount", "10")]
    [InlineData("instanceMemoryMB", "1024")]
    [InlineData("smtpPort", "70000")]
    [InlineData("smtpPassword", "''")]
    public async Task Value_outside_the_allowed_range_is_rejected_on_its_line(string parameter, string value)
    {
        var (run, line) = await BuildWithAsync(new Dictionary<string, string> { [parameter] = value });

        Assert.NotEqual(0, run.ExitCode);
        var error = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"test.bicepparam({line},", error, StringComparison.Ordinal);
        Assert.Contains(": Error ", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<(BicepRun Run, int Line)> BuildWithAsync(Dictionary<string, string> overrides)
    {
        var values = new Dictionary<string, string>(ValidValues);
        foreach (var (name, value) in overrides)
        {
            values[name] = value;
        }
        var main = Path.GetRelativePath(directory, InfraDirectory.File("main.bicep"));
        List<string> lines = [$"using '{main}'", .. values.Select(pair => $"param {pair.Key} = {pair.Value}")];
        var file = Path.Combine(directory, "test.bicepparam");
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);
        var line = overrides.Count == 1 ? lines.FindIndex(text => text.StartsWith($"param {overrides.Keys.Single()} ", StringComparison.Ordinal)) + 1 : 0;
        return (await BicepCli.RunAsync("build-params", file, "--stdout"), line);
    }
}
