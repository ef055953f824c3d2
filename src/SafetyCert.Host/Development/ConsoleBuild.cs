using System.Diagnostics;

namespace SafetyCert.Host.Development;

/// <summary>
/// Makes sure the web console is built before <c>dev</c> serves it: <c>npm ci</c> in <c>src/SafetyCert.Console</c> when its
/// packages are missing or older than its lock file, <c>npm run build</c> when <c>dist/index.html</c> is missing or older
/// than any of its sources.
/// </summary>
internal static class ConsoleBuild
{
    private static readonly string[] SourceFiles = ["index.html", "vite.config.js", "package.json", "package-lock.json"];
    private static readonly string[] SourceFolders = ["src", "public"];

    public static string FolderOf(string root) => Path.Combine(root, "src", "SafetyCert.Console");

    /// <summary>Installs and builds as needed; returns the folder to serve, or null when a step failed (reported on stderr).</summary>
    public static async Task<string?> EnsureBuiltAsync(string root, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var folder = FolderOf(root);
        var dist = Path.Combine(folder, "dist");
        var lockFile = Path.Combine(folder, "package-lock.json");
        var installed = Path.Combine(folder, "node_modules", ".package-lock.json");
        if (!File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(lockFile))
        {
            stdout.WriteLine($"Console: installing its packages (npm ci in {folder})");
            if (await NpmAsync(folder, "ci --no-audit --no-fund --loglevel=error", stdout, stderr, cancellationToken) is not 0)
            {
                stderr.WriteLine($"npm ci failed in {folder}.");
                return null;
            }
        }

        var built = Path.Combine(dist, "index.html");
        if (!File.Exists(built) || File.GetLastWriteTimeUtc(built) < NewestSource(folder))
        {
            stdout.WriteLine($"Console: building it (npm run build in {folder})");
            if (await NpmAsync(folder, "run build", stdout, stderr, cancellationToken) is not 0)
            {
                stderr.WriteLine($"npm run build failed in {folder}.");
                return null;
            }
        }

        return dist;
    }

    /// <summary>The newest write time among the console's sources: src/, public/, index.html, the vite config and the lock file.</summary>
    public static DateTime NewestSource(string folder)
    {
        var files = SourceFiles
            .Select(f => Path.Combine(folder, f))
            .Where(File.Exists)
            .Concat(SourceFolders
                .Select(d => Path.Combine(folder, d))
                .Where(Directory.Exists)
                .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)));
        return files.Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MinValue).Max();
    }

    private static async Task<int> NpmAsync(string folder, string arguments, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm", arguments)
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(start) ?? throw new InvalidOperationException("npm could not be started; is Node.js installed?");
        npm.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { stdout.WriteLine($"  {line}"); } };
        npm.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) { stderr.WriteLine($"  {line}"); } };
        npm.BeginOutputReadLine();
        npm.BeginErrorReadLine();
        try
        {
            await npm.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            npm.Kill(entireProcessTree: true);
            throw;
        }

        return npm.ExitCode;
    }
}
