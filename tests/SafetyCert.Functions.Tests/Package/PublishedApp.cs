using System.Diagnostics;
using SafetyCert.Testing;

namespace SafetyCert.Functions.Tests.Package;

/// <summary>Publishes the function app once for its test class, as a deployment does: <c>dotnet publish -c Release</c>.</summary>
public sealed class PublishedApp : IAsyncLifetime
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), $"publish-{Guid.NewGuid():N}");

    public int ExitCode { get; private set; } = -1;

    public string Output { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var project = Path.Combine(RepositoryRoot.Path, "src", "SafetyCert.Functions", "SafetyCert.Functions.csproj");
        var start = new ProcessStartInfo("dotnet", ["publish", project, "-c", "Release", "-o", Directory, "--nologo", "-v", "q"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        ExitCode = process.ExitCode;
        Output = await output + await error;
    }

    public void AssertPublished() => Assert.True(ExitCode == 0, $"dotnet publish exited with {ExitCode}.\n{Output}");

    public ValueTask DisposeAsync()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
