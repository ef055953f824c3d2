using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SafetyCert.Host.Development;

/// <summary>
/// A Node.js service (Azurite, MailDev) run from infra/local/node_modules/.bin: started as a child process, its
/// output kept for error messages, ready once it listens on every port it was given, and killed with its whole
/// process tree on dispose. The one launcher for both <c>dev</c> (LocalService) and the tests (SafetyCert.Testing,
/// which compiles this file in).
/// </summary>
internal sealed class NodeProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private NodeProcess(Process process) => this.process = process;

    public string Name { get; private init; } = "";

    /// <summary>What the service printed so far.</summary>
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

    /// <summary>Starts <paramref name="binary"/> from <paramref name="localFolder"/>'s node_modules; <see cref="WaitUntilListeningAsync"/> waits for it.</summary>
    public static NodeProcess Start(string name, string localFolder, string binary, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(localFolder, "node_modules", ".bin", OperatingSystem.IsWindows() ? binary + ".cmd" : binary))
        {
            WorkingDirectory = localFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var node = new NodeProcess(new Process { StartInfo = start }) { Name = name };
        node.process.OutputDataReceived += (_, e) => node.Append(e.Data);
        node.process.ErrorDataReceived += (_, e) => node.Append(e.Data);
        try
        {
            node.process.Start();
            node.process.BeginOutputReadLine();
            node.process.BeginErrorReadLine();
            return node;
        }
        catch
        {
            node.Dispose();
            throw;
        }
    }

    /// <summary>Whether something accepts a connection on 127.0.0.1:<paramref name="port"/> (within half a second).</summary>
    public static async Task<bool> IsListeningAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return client.Connected;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Waits until the service listens on every port; fails with its output if it exits or the time runs out.</summary>
    public async Task WaitUntilListeningAsync(IReadOnlyList<int> ports, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in ports)
        {
            while (!await IsListeningAsync(port).ConfigureAwait(false))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before listening on port {port}:{Environment.NewLine}{Output}");
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{Name} did not listen on {string.Join(", ", ports)} within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Kills the process tree and waits (up to 10 s) for it to go.</summary>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        process.Dispose();
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
