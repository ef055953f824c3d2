using System.Text.Json.Nodes;
using SafetyCert.Infra.Tests.Bicep;

namespace SafetyCert.Infra.Tests.Templates;

public sealed class BicepBuildTests
{
    public static TheoryData<string> BicepFiles() => new(InfraDirectory.BicepFiles());

    [Fact]
    public async Task Build_of_main_template_succeeds_without_warnings_or_errors()
    {
        var run = await BicepCli.RunAsync("build", "main.bicep", "--stdout");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.StandardError.Trim());
        Assert.NotNull(JsonNode.Parse(run.StandardOutput)?["resources"]);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Lint_finds_nothing_in(string file)
    {
        // Parameter files read the secrets from the environment even to be linted.
        var run = await BicepCli.RunAsync(["lint", file], BicepCli.PlaceholderSecrets());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", (run.StandardError + run.StandardOutput).Trim());
    }

    [Fact]
    public void Every_module_and_parameter_file_is_linted()
    {
        var files = InfraDirectory.BicepFiles().ToList();

        Assert.Contains("main.bicep", files);
        Assert.Contains("main.dev.bicepparam", files);
        Assert.Contains("main.prod.bicepparam", files);
        Assert.Contains(files, file => file.StartsWith("modules", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("main.dev.bicepparam", "dev", "safetycertdev")]
    [InlineData("main.prod.bicepparam", "prod", "safetycertprod")]
    public async Task Parameter_file_builds_without_warnings_or_errors(string file, string environment, string taskHub)
    {
        var run = await BicepCli.RunAsync(["build-params", file, "--stdout"], BicepCli.PlaceholderSecrets());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.StandardError.Trim());
        var parameters = ParametersOf(run);
        Assert.Equal(environment, (string?)parameters["environmentName"]?["value"]);
        // Named in the file, not left to the default: renaming a hub orphans its running instances.
        Assert.Equal(taskHub, (string?)parameters["taskHubName"]?["value"]);
    }

    [Theory]
    [InlineData("main.dev.bicepparam")]
    [InlineData("main.prod.bicepparam")]
    public async Task Parameter_file_takes_every_secret_from_the_environment(string file)
    {
        var secrets = BicepCli.PlaceholderSecrets();

        var run = await BicepCli.RunAsync(["build-params", file, "--stdout"], secrets);

        var parameters = ParametersOf(run);
        Assert.Equal(secrets["SAFETYCERT_SMTP_PASSWORD"], (string?)parameters["smtpPassword"]?["value"]);
        // Robot keys and secrets belong to each party's contacts in the app, not to the deployment.
        Assert.DoesNotContain(parameters, parameter => parameter.Key.Contains("Robot", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("SAFETYCERT_SMTP_PASSWORD")]
    public async Task Parameter_file_without_a_secret_variable_fails_naming_it(string missing)
    {
        var secrets = BicepCli.PlaceholderSecrets().Where(secret => secret.Key != missing).ToDictionary();

        var run = await BicepCli.RunAsync(["build-params", "main.dev.bicepparam", "--stdout"], secrets);

        Assert.NotEqual(0, run.ExitCode);
        var error = Assert.Single(run.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, error, StringComparison.Ordinal);
    }

    // With --stdout, build-params wraps the parameters file in an envelope as a JSON string.
    private static JsonObject ParametersOf(BicepRun run) =>
        JsonNode.Parse((string?)JsonNode.Parse(run.StandardOutput)?["parametersJson"] ?? "null")?["parameters"]?.AsObject()
        ?? throw new InvalidOperationException($"build-params printed no parameters: {run}");
}
