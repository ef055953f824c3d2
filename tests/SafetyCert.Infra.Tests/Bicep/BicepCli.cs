using System.Diagnostics;

namespace SafetyCert.Infra.Tests.Bicep;

/// <summary>Runs the bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package, offline.</summary>
public static class BicepCli
{
    /// <summary>Environment variables the parameter files read the secrets from.</summary>
    public static readonly IReadOnlyList<string> SecretVariables =
    [
        "SAFETYCERT_SMTP_PASSWORD",
    ];

    private const UnixFileMode Execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static readonly Lazy<string> Executable = new(FindExecutable);

    /// <summary>
    /// Runs bicep with <paramref name="arguments"/> in infra/. The secret variables of the calling
    /// process are never passed on; <paramref name="environment"/> sets the ones a test wants.
    /// </summary>
    public static async Task<BicepRun> RunAsync(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            WorkingDirectory = InfraDirectory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var variable in SecretVariables)
        {
            start.Environment.Remove(variable);
        }
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var standardOutput = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var standardError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new BicepRun(process.ExitCode, await standardOutput, await standardError);
    }

    public static Task<BicepRun> RunAsync(params string[] arguments) => RunAsync(arguments, null);

    /// <summary>Placeholder values for every secret variable, so parameter files compile.</summary>
    public static IReadOnlyDictionary<string, string> PlaceholderSecrets() =>
        SecretVariables.ToDictionary(variable => variable, variable => $"placeholder-{variable.ToLowerInvariant()}");

    private static string FindExecutable()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The project references the linux-x64 build of the bicep CLI; run these tests on Linux.");
        }
        var path = InfraDirectory.Metadata("BicepPath");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The bicep CLI is not at '{path}'; restore the Azure.Bicep.CommandLine.linux-x64 package.", path);
        }
        var mode = File.GetUnixFileMode(path);
        if ((mode & Execute) == Execute)
        {
            return path;
        }
        // NuGet does not keep Unix permissions of package files; make the binary runnable for everyone.
        try
        {
            File.SetUnixFileMode(path, mode | Execute);
            return path;
        }
        catch (UnauthorizedAccessException)
        {
            // The package cache belongs to another user: run a private copy instead.
            var copy = Path.Combine(Path.GetTempPath(), $"safetycert-bicep-{Environment.UserName}", "bicep");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(path, copy, overwrite: true);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(copy) | Execute | UnixFileMode.UserRead);
            return copy;
        }
    }
}
