using System.Diagnostics;
using System.Globalization;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Cli;

/// <summary>
/// <c>safetycert package --output &lt;file.zip&gt;</c>: the zip deployed to the function app. It holds host.json and the
/// function folders at its root, written as <c>functions</c> writes them, and the self-contained linux-x64 publish of
/// the host in <c>bin/</c>, where host.json points the custom handler.
/// </summary>
internal static class PackageCommand
{
    public const string RuntimeIdentifier = "linux-x64";
    public const string SolutionFile = "Serverless.sln";
    public const string HostProject = "src/SafetyCert.Host";

    /// <summary>How much of a failed publish's output is shown: the errors are at its end.</summary>
    private const int TailLines = 40;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["--output", { Length: > 0 } zipPath])
        {
            error.WriteLine("Usage: safetycert package --output <file.zip>");
            return 2;
        }

        var root = FindRepositoryRoot();
        if (root is null)
        {
            error.WriteLine($"No {SolutionFile} in '{Directory.GetCurrentDirectory()}' or above: run package from the repository.");
            return 1;
        }

        var staging = Directory.CreateTempSubdirectory("safetycert-package-").FullName;
        try
        {
            // The layout first: a schedule with no UTC form fails in a second rather than after the publish.
            try
            {
                CustomHandlerLayout.Write(FunctionsCommand.Catalog(), staging);
            }
            catch (NotSupportedException e)
            {
                error.WriteLine(e.Message);
                return 1;
            }

            var clock = Stopwatch.StartNew();
            var (exitCode, tail) = await PublishAsync(root, Path.Combine(staging, CustomHandlerLayout.ExecutableDirectory), cancellationToken);
            if (exitCode != 0)
            {
                error.WriteLine($"dotnet publish of {HostProject} for {RuntimeIdentifier} failed with exit code {exitCode}; the end of its output:");
                foreach (var line in tail)
                {
                    error.WriteLine(line);
                }

                return 1;
            }

            var executable = Path.Combine(staging, CustomHandlerLayout.ExecutablePath.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(executable))
            {
                error.WriteLine($"dotnet publish succeeded but wrote no {CustomHandlerLayout.ExecutablePath}, which host.json starts.");
                return 1;
            }

            var published = clock.Elapsed;
            PackageArchive.Write(staging, zipPath, new HashSet<string>(StringComparer.Ordinal) { CustomHandlerLayout.ExecutablePath });
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Published {HostProject} for {RuntimeIdentifier} in {published.TotalSeconds:F1} s; wrote {Path.GetFullPath(zipPath)} ({new FileInfo(zipPath).Length / 1048576.0:F1} MiB)."));
            return 0;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>The folder holding the solution, looked for above the working directory and then above the executable.</summary>
    public static string? FindRepositoryRoot() =>
        Above(Directory.GetCurrentDirectory()) ?? Above(AppContext.BaseDirectory);

    private static string? Above(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static async Task<(int ExitCode, IReadOnlyList<string> Tail)> PublishAsync(string root, string outputDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetPath())
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(root, HostProject), "-c", "Release", "-r", RuntimeIdentifier, "--self-contained", "true",
            "-o", outputDirectory, "--nologo",
            // Lingering build servers would hold the redirected output open and outlive the command.
            "--disable-build-servers",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // Under `dotnet run` or `dotnet test` the parent's MSBuild settings are inherited and would steer this build.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{start.FileName}'.");
        var tail = new Queue<string>();
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (tail)
            {
                tail.Enqueue(line);
                if (tail.Count > TailLines)
                {
                    tail.Dequeue();
                }
            }
        }

        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        lock (tail)
        {
            return (process.ExitCode, [.. tail]);
        }
    }

    /// <summary>The dotnet that runs this command when there is one (set by the SDK), else the one on PATH.</summary>
    private static string DotnetPath() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
