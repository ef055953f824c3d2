using SafetyCert.Host.Cli;

namespace SafetyCert.Host.Tests.Package;

/// <summary>
/// Builds the deployment package once for its test class: the linux-x64 publish takes minutes, so every test
/// reads the same zip.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"package-{Guid.NewGuid():N}");

    public string ZipPath => Path.Combine(Directory, "out", "safetycert.zip");

    public int ExitCode { get; private set; } = -1;

    public string Output { get; private set; } = "";

    public string Error { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        ExitCode = await PackageCommand.RunAsync(["--output", ZipPath], output, error, TestContext.Current.CancellationToken);
        Output = output.ToString();
        Error = error.ToString();
    }

    /// <summary>Fails with what the command printed when the package was not built, so later asserts make sense.</summary>
    public void AssertBuilt()
    {
        Assert.True(ExitCode == 0, $"package exited with {ExitCode}.\n{Output}\n{Error}");
        Assert.True(File.Exists(ZipPath), $"package wrote no {ZipPath}.\n{Output}");
    }

    public ValueTask DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
