using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.MultiHost;

/// <summary>
/// One <c>safetycert serve</c> process in Development (so it has the development clock and <c>/dev/clock</c>),
/// on a free loopback port, configured through environment variables.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly HttpClient http;
    private readonly string workingDirectory;

    private HostProcess(Process process, int port, string workingDirectory)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public bool HasExited => process.HasExited;

    /// <summary>What the host printed, for failure messages.</summary>
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

    public static async Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var port = NodeService.FreePort();
        var workingDirectory = Directory.CreateTempSubdirectory("safetycert-host-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            // Outside the checkout, so no local.settings.json is found: the environment is the whole configuration.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "safetycert.dll"), "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var host = new HostProcess(new Process { StartInfo = start }, port, workingDirectory);
        host.process.Start();
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilHealthyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>Moves the host's development clock to <paramref name="to"/>; the host sweeps what came due before answering.</summary>
    public async Task<int> MoveClockAsync(Instant to, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            new Uri("dev/clock", UriKind.Relative),
            new { to = OffsetDateTimePattern.ExtendedIso.Format(to.WithOffset(Offset.FromHours(8))) },
            cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /dev/clock answered {(int)response.StatusCode}: {body}{Environment.NewLine}{Output}");
        }

        using var reading = System.Text.Json.JsonDocument.Parse(body);
        return reading.RootElement.GetProperty("timersFired").GetInt32();
    }

    /// <summary>Ends the process at once, as SIGKILL does: nothing it was doing is finished or cleaned up.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("healthz", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"The host did not answer /healthz within 60 s:{Environment.NewLine}{Output}");
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
