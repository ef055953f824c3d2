using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// One <c>safetycert serve</c> child process in Development (so it has the development clock and <c>/dev/clock</c>), on
/// a free loopback port, configured through environment variables only: it runs in an empty temporary folder, where no
/// <c>local.settings.json</c> is found.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly HttpClient http;
    private readonly string workingDirectory;

    private HostProcess(Process process, int port, string workingDirectory, string name)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        Name = name;
        // A jump of the clock answers once the sweep's instances recorded their firings: it may take a while on a busy machine.
        http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(5) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    /// <summary>The name the test gave the host, for messages.</summary>
    public string Name { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Whether the test killed it; set before the signal, so a request failing because of it can tell at once.</summary>
    public bool Killed { get; private set; }

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

    /// <summary>
    /// The serve command's assembly: the copy the test project's build put beside the test assembly, or else the Host
    /// project's own output (<c>src/SafetyCert.Host/bin/{configuration}/net10.0</c>).
    /// </summary>
    public static string Assembly
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "safetycert.dll");
            if (File.Exists(beside))
            {
                return beside;
            }

            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var own = Path.Combine(RepositoryRoot.Path, "src", "SafetyCert.Host", "bin", configuration, framework.Name, "safetycert.dll");
            return File.Exists(own) ? own : throw new FileNotFoundException($"safetycert.dll is neither beside the tests nor at {own}: build src/SafetyCert.Host first.");
        }
    }

    public static async Task<HostProcess> StartAsync(string name, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var port = NodeService.FreePort();
        var workingDirectory = Directory.CreateTempSubdirectory("safetycert-host-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Assembly, "serve", "--urls", $"http://127.0.0.1:{port}", "--environment", "Development" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var host = new HostProcess(new Process { StartInfo = start }, port, workingDirectory, name);
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

    /// <summary>
    /// Moves the host's development clock to <paramref name="to"/>, or by a second when it is already there (a host started
    /// at that time), so that it sweeps what came due; the host answers once the sweep's instances recorded their firings.
    /// </summary>
    public async Task<int> MoveClockAsync(Instant to, CancellationToken cancellationToken)
    {
        var reading = await http.GetFromJsonAsync<JsonElement>(new Uri("dev/clock", UriKind.Relative), cancellationToken);
        var now = InstantPattern.ExtendedIso.Parse(reading.GetProperty("utc").GetString()!).Value;
        return now < to
            ? await PostClockAsync(new { to = OffsetDateTimePattern.ExtendedIso.Format(to.WithOffset(Offset.FromHours(8))) }, cancellationToken)
            : await PostClockAsync(new { advance = "PT1S" }, cancellationToken);
    }

    /// <summary>Moves the host's development clock on by an ISO-8601 period such as <c>PT10M</c>.</summary>
    public Task<int> AdvanceClockAsync(string period, CancellationToken cancellationToken) => PostClockAsync(new { advance = period }, cancellationToken);

    private async Task<int> PostClockAsync(object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri("dev/clock", UriKind.Relative), body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST /dev/clock to {Name} answered {(int)response.StatusCode}: {text}");
        }

        using var answer = JsonDocument.Parse(text);
        return answer.RootElement.GetProperty("timersFired").GetInt32();
    }

    /// <summary>Ends the process with SIGKILL: nothing it was doing is finished, released or cleaned up.</summary>
    public void Kill()
    {
        Killed = true;
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
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Host {Name} exited with code {process.ExitCode}:{System.Environment.NewLine}{Output}");
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

        throw new TimeoutException($"Host {Name} did not answer /healthz within 90 s:{System.Environment.NewLine}{Output}");
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

    /// <summary>The environment of a host on <paramref name="connectionString"/> and <paramref name="prefix"/>.</summary>
    public static Dictionary<string, string> Environment(
        string connectionString, string prefix, string workerId, Instant clockStart, int smtpPort) => new()
    {
        ["Storage__ConnectionString"] = connectionString,
        ["Storage__Prefix"] = prefix,
        ["LocalDurable__WorkerId"] = workerId,
        // A message held by a killed host reappears after this (Durable's default is 5 minutes), so a restart or the other
        // hosts go on within seconds; work in progress is renewed every third of it.
        ["LocalDurable__ControlQueueVisibilityTimeout"] = "00:00:10",
        ["LocalDurable__WorkItemQueueVisibilityTimeout"] = "00:00:10",
        ["DevClock__NotBefore"] = InstantPattern.ExtendedIso.Format(clockStart),
        ["Notifications__Smtp__Host"] = "127.0.0.1",
        ["Notifications__Smtp__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Notifications__Smtp__Sender"] = "noreply@safetycert.test",
        // The relay limit is not under test: every notice should go out as soon as it is due.
        ["Notifications__SmtpMessagesPerMinute"] = "10000",
        ["Jwt__Issuer"] = "safetycert-test",
        ["Jwt__Audience"] = "safetycert",
        ["Jwt__SigningKey"] = ClientHost.SigningKey,
        ["Logging__LogLevel__Default"] = "Warning",
        // Notices to parties without a contact are part of the scenario, not news.
        ["Logging__LogLevel__SafetyCert.Functions.Notifications.NotificationOutbox"] = "Error",
        ["Logging__Console__FormatterName"] = "simple",
    };
}
