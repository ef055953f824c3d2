using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// A private in-memory Azurite, started as <see cref="Azurite"/> starts one, whose process this test holds so it can
/// freeze it with SIGSTOP and let it go on with SIGCONT: storage that stops answering without closing a connection, as
/// Azurite itself does during its periodic queue clean-up and as an overloaded storage account does.
/// </summary>
internal sealed class PausableAzurite : IAsyncDisposable
{
    // Azurite's well-known development account; public by design.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly int blobPort = NodeService.FreePort();
    private readonly int queuePort = NodeService.FreePort();
    private readonly int tablePort = NodeService.FreePort();

    private PausableAzurite()
    {
        var start = new ProcessStartInfo(Path.Combine(NodeService.LocalFolder, "node_modules", ".bin", "azurite"))
        {
            WorkingDirectory = NodeService.LocalFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", $"{blobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{tablePort}",
            "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--silent",
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = new Process { StartInfo = start };
    }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public static async Task<PausableAzurite> StartAsync()
    {
        await NodeService.EnsureInstalledAsync();
        var azurite = new PausableAzurite();
        try
        {
            azurite.process.Start();
            // Nobody reads what it prints (it is --silent); drain it so a full pipe never blocks it.
            azurite.process.BeginOutputReadLine();
            azurite.process.BeginErrorReadLine();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            foreach (var port in new[] { azurite.blobPort, azurite.queuePort, azurite.tablePort })
            {
                while (!await AcceptsAsync(port))
                {
                    if (azurite.process.HasExited || DateTime.UtcNow > deadline)
                    {
                        throw new InvalidOperationException($"Azurite did not listen on port {port}.");
                    }

                    await Task.Delay(100);
                }
            }

            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>Freezes the process (SIGSTOP): connections stay open, nothing is answered.</summary>
    public Task StopAsync() => SignalAsync("STOP");

    /// <summary>Lets the frozen process go on (SIGCONT).</summary>
    public Task ResumeAsync() => SignalAsync("CONT");

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
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -{signal} {process.Id} exited with {kill.ExitCode}.");
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
}
