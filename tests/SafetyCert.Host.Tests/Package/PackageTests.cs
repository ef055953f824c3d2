using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Functions;
using SafetyCert.Host.Notifications.Ledger;
using SafetyCert.Host.Tests.Triggers;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Tests.Package;

/// <summary>The zip deployed to Azure: its layout as the Functions host reads it, and its executable as the host starts it.</summary>
public sealed class PackageTests(PackageFixture package, AzuriteFixture azurite) : IClassFixture<PackageFixture>
{
    private const int ExecuteBits = 0b001_001_001;

    private readonly FunctionCatalog catalog = FunctionsCommand.Catalog();

    [Fact]
    public void Host_json_starts_the_packaged_executable_with_serve()
    {
        package.AssertBuilt();
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var host = Json(zip, "host.json");
        var handler = host["customHandler"]!["description"]!;
        var path = handler["defaultExecutablePath"]!.GetValue<string>();
        Assert.Equal("bin/safetycert", path);
        Assert.Equal(["serve"], handler["arguments"]!.AsArray().Select(a => a!.GetValue<string>()));
        var executable = zip.GetEntry(path);
        Assert.NotNull(executable);
        Assert.True(executable.Length > 0);
        var mode = PackageArchive.UnixMode(executable);
        Assert.Equal(0x8000, mode & 0xF000); // a regular file
        Assert.Equal(ExecuteBits, mode & ExecuteBits);
    }

    [Fact]
    public void The_zip_has_one_folder_per_catalog_function_and_nothing_else_beside_host_json_and_bin()
    {
        package.AssertBuilt();
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var outsideBin = zip.Entries.Select(e => e.FullName).Where(n => !n.StartsWith("bin/", StringComparison.Ordinal)).ToList();
        var functionFolders = outsideBin.Where(n => n != "host.json").Select(n => n.Split('/')).ToList();
        Assert.All(functionFolders, parts => Assert.Equal(["function.json"], parts[1..]));
        Assert.Equal(catalog.Names.Order(StringComparer.Ordinal), functionFolders.Select(p => p[0]).Order(StringComparer.Ordinal));
        Assert.Contains("host.json", outsideBin);
    }

    [Fact]
    public void Entries_are_sorted_with_one_timestamp_so_the_same_files_give_the_same_zip()
    {
        package.AssertBuilt();
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.All(zip.Entries, e => Assert.Equal(PackageArchive.Timestamp.DateTime, e.LastWriteTime.DateTime));
    }

    [Fact]
    public void Assemblies_and_function_files_are_not_marked_executable()
    {
        package.AssertBuilt();
        using var zip = ZipFile.OpenRead(package.ZipPath);

        var managed = zip.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal) || e.FullName.EndsWith(".json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(managed);
        Assert.All(managed, e => Assert.True((PackageArchive.UnixMode(e) & ExecuteBits) == 0, $"{e.FullName} is executable"));
    }

    [Fact]
    public void Each_function_json_carries_its_trigger_with_the_UTC_schedule_or_the_prefixed_queue()
    {
        package.AssertBuilt();
        using var zip = ZipFile.OpenRead(package.ZipPath);

        foreach (var timer in catalog.Timers)
        {
            var binding = Assert.Single(Json(zip, $"{timer.Name}/function.json")["bindings"]!.AsArray())!;
            Assert.Equal("timerTrigger", binding["type"]!.GetValue<string>());
            Assert.Equal(UtcSchedule.FromShanghai(timer.Name, timer.Schedule), binding["schedule"]!.GetValue<string>());
        }

        foreach (var queue in catalog.Queues)
        {
            var binding = Assert.Single(Json(zip, $"{queue.Name}/function.json")["bindings"]!.AsArray())!;
            Assert.Equal("queueTrigger", binding["type"]!.GetValue<string>());
            Assert.Equal($"%Storage__Prefix%{queue.QueueName}", binding["queueName"]!.GetValue<string>());
        }

        var api = Json(zip, $"{FunctionCatalog.ApiFunctionName}/function.json")["bindings"]!.AsArray();
        Assert.Contains(api, b => b!["type"]!.GetValue<string>() == "httpTrigger");

        // DESIGN.md "The function app": the digest goes out at 08:00 Shanghai time, which is midnight UTC.
        var digest = Json(zip, "DailyDigest/function.json")["bindings"]![0]!;
        Assert.Equal("0 0 0 * * *", digest["schedule"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_extracted_executable_answers_custom_handler_invocations_of_a_timer_and_a_queue_function()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The package holds a linux-x64 executable.");
        package.AssertBuilt();
        var root = Path.Combine(package.Directory, "extracted");
        ZipFile.ExtractToDirectory(package.ZipPath, root, overwriteFiles: true);
        var executable = Path.Combine(root, "bin", "safetycert");
        // Extraction applies the entries' Unix permissions, as the platform's does when it unpacks the package.
        Assert.True(OperatingSystem.IsLinux() && (File.GetUnixFileMode(executable) & UnixFileMode.UserExecute) != 0, $"{executable} is not executable.");

        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("serve");
        start.Environment[CustomHandlerApi.PortSetting] = $"{port}";
        start.Environment["Storage__ConnectionString"] = azurite.ConnectionString;
        start.Environment["Storage__Prefix"] = AzuriteFixture.NewPrefix();
        start.Environment["Jwt__SigningKey"] = "package-test-signing-key-0123456789abcdef";
        start.Environment.Remove("ASPNETCORE_URLS");

        var log = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitForHealthAsync(client, process, log);

            await AssertCompletedAsync(client, "TimerSweep", """{"Data":{"timer":{"IsPastDue":false,"ScheduleStatus":null}},"Metadata":{}}""");
            // A well-formed id of a delivery the ledger does not hold: the sender reads the ledger in Azurite and drops it.
            var delivery = DeliveryKey.Id("Certification", "package-test", "Reminder", "2026-11-23", "party", "01-email");
            await AssertCompletedAsync(
                client,
                "NotificationSender",
                $$$"""{"Data":{"message":"{{{delivery}}}"},"Metadata":{"Id":"7d0c8a52-9a1e-4d55-8f39-2b9b1f4c6a10","DequeueCount":1}}""");
            // The console logger writes on its own thread, so the line may trail the response by a moment.
            var dropped = $"Delivery {delivery} is not in the ledger";
            for (var wait = Stopwatch.StartNew(); !Snapshot(log).Contains(dropped, StringComparison.Ordinal) && wait.Elapsed < TimeSpan.FromSeconds(10);)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), TestContext.Current.CancellationToken);
            }

            Assert.Contains(dropped, Snapshot(log), StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static async Task WaitForHealthAsync(HttpClient client, Process process, StringBuilder log)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(process.HasExited, $"The packaged app exited with {(process.HasExited ? process.ExitCode : 0)}:\n{Snapshot(log)}");
            try
            {
                using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
        }

        Assert.Fail($"The packaged app did not answer /healthz within a minute:\n{Snapshot(log)}");
    }

    private static async Task AssertCompletedAsync(HttpClient client, string function, string invocation)
    {
        using var content = new StringContent(invocation, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri($"/{function}", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ReturnValue").ValueKind);
    }

    private static JsonNode Json(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name);
        Assert.True(entry is not null, $"The package has no {name}.");
        using var stream = entry.Open();
        return JsonNode.Parse(stream)!;
    }

    private static string Snapshot(StringBuilder log)
    {
        lock (log)
        {
            return log.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
