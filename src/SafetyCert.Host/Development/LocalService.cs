using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace SafetyCert.Host.Development;

/// <summary>
/// A local service <c>dev</c> needs (Azurite, MailDev) from infra/local/node_modules: reused when something
/// already listens on all its ports, otherwise started as a child process and killed with its whole process
/// tree on dispose.
/// </summary>
internal sealed class LocalService : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process? process;
    private readonly StringBuilder output = new();

    private LocalService(string name, IReadOnlyList<int> ports, Process? process)
    {
        Name = name;
        Ports = ports;
        this.process = process;
    }

    public string Name { get; }

    public IReadOnlyList<int> Ports { get; }

    /// <summary>Whether this run started the service (and so stops it).</summary>
    public bool Started => process is not null;

    /// <summary>Reuses a service listening on every port, or starts <paramref name="binary"/> and waits until it listens on them.</summary>
    public static async Task<LocalService> ReuseOrStartAsync(
        string name, string localFolder, string binary, IReadOnlyList<int> ports, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var listening = ports.Where(IsListening).ToList();
        if (listening.Count == ports.Count)
        {
            return new LocalService(name, ports, null);
        }

        if (listening.Count > 0)
        {
            throw new InvalidOperationException(
                $"{name} needs ports {string.Join(", ", ports)} on 127.0.0.1, but only {string.Join(", ", listening)} answer: something else holds them. Stop it and run dev again.");
        }

        var executable = Path.Combine(localFolder, "node_modules", ".bin", OperatingSystem.IsWindows() ? binary + ".cmd" : binary);
        var start = new ProcessStartInfo(executable)
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

        var service = new LocalService(name, ports, new Process { StartInfo = start });
        try
        {
            await service.StartAsync(cancellationToken);
            return service;
        }
        catch
        {
            service.Dispose();
            throw;
        }
    }

    public static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            return client.ConnectAsync("127.0.0.1", port).Wait(TimeSpan.FromMilliseconds(500)) && client.Connected;
        }
        catch (AggregateException)
        {
            return false;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Kills the service's process tree if this run started it.</summary>
    public void Dispose()
    {
        if (process is null)
        {
            return;
        }

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

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        var child = process!;
        child.OutputDataReceived += (_, e) => Append(e.Data);
        child.ErrorDataReceived += (_, e) => Append(e.Data);
        child.Start();
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!Ports.All(IsListening))
        {
            if (child.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {child.ExitCode} before listening:{Environment.NewLine}{Output()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not listen on {string.Join(", ", Ports)} within {StartTimeout.TotalSeconds:0} s:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(200, cancellationToken);
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

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
