using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SafetyCert.Testing;

/// <summary>
/// A Node.js service from infra/local/node_modules, started on free loopback ports and killed with its
/// whole process tree on dispose. Installs the npm packages once when they are missing.
/// </summary>
public abstract class NodeService : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly Process process;
    private readonly StringBuilder output = new();

    protected NodeService(string binary, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(System.IO.Path.Combine(LocalFolder, "node_modules", ".bin", binary))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = LocalFolder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>infra/local, where package.json names the services.</summary>
    public static string LocalFolder => System.IO.Path.Combine(RepositoryRoot.Path, "infra", "local");

    /// <summary>What the service printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        process.Dispose();
        GC.SuppressFinalize(this);
    }

    protected async Task StartAsync(params int[] ports)
    {
        await EnsureInstalledAsync();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        foreach (var port in ports)
        {
            while (!await AcceptsAsync(port))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException(
                        $"{process.StartInfo.FileName} did not listen on port {port}. Output:\n{Output}");
                }

                await Task.Delay(100);
            }
        }
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
