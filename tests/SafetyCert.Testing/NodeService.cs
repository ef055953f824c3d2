using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SafetyCert.Host.Development;

namespace SafetyCert.Testing;

/// <summary>
/// A Node.js service from infra/local/node_modules, started on free loopback ports through the launcher <c>dev</c>
/// uses (<c>NodeProcess</c>, compiled in from the host) and killed with its whole process tree on dispose. Installs
/// the npm packages once when they are missing.
/// </summary>
public abstract class NodeService : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly string name;
    private readonly string binary;
    private readonly string[] arguments;
    private NodeProcess? process;

    protected NodeService(string binary, IEnumerable<string> arguments)
    {
        name = binary;
        this.binary = binary;
        this.arguments = [.. arguments];
    }

    /// <summary>infra/local, where package.json names the services.</summary>
    public static string LocalFolder => System.IO.Path.Combine(RepositoryRoot.Path, "infra", "local");

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Output => process?.Output ?? "";

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>npm ci</c> in infra/local unless the packages are there.</summary>
    public static async Task EnsureInstalledAsync()
    {
        await InstallGate.WaitAsync();
        try
        {
            // A lock file guards against test projects installing at once in separate processes.
            var marker = System.IO.Path.Combine(LocalFolder, "node_modules", ".package-lock.json");
            if (File.Exists(marker))
            {
                return;
            }

            using var npm = Process.Start(new ProcessStartInfo("npm", "ci --no-audit --no-fund --loglevel=error")
            {
                WorkingDirectory = LocalFolder,
                UseShellExecute = false,
            })!;
            await npm.WaitForExitAsync();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci in {LocalFolder} failed with exit code {npm.ExitCode}.");
            }
        }
        finally
        {
            InstallGate.Release();
        }
    }

    public ValueTask DisposeAsync()
    {
        process?.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    protected async Task StartAsync(params int[] ports)
    {
        await EnsureInstalledAsync();
        process = NodeProcess.Start(name, LocalFolder, binary, arguments);
        await process.WaitUntilListeningAsync(ports, StartTimeout);
    }
}
