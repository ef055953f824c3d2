using SafetyCert.Infra.Tests.Bicep;

namespace SafetyCert.Infra.Tests.Templates;

/// <summary>Compiles infra/main.bicep once for the tests that read the result.</summary>
public sealed class MainTemplateFixture : IAsyncLifetime
{
    private CompiledTemplate? template;

    public CompiledTemplate Template => template ?? throw new InvalidOperationException("The template is not compiled yet.");

    public async ValueTask InitializeAsync()
    {
        var run = await BicepCli.RunAsync("build", "main.bicep", "--stdout");
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build main.bicep failed: {run}");
        }
        template = CompiledTemplate.Parse(run.StandardOutput);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
