using System.Text.Json;
using System.Text.Json.Nodes;
using SafetyCert.Host.Functions;

namespace SafetyCert.Host.Triggers;

/// <summary>
/// The files the Azure Functions host needs to run this executable as a custom handler: <c>host.json</c> and one
/// <c>{FunctionName}/function.json</c> per function, all derived from the <see cref="FunctionCatalog"/>. The published
/// app sits beside them in <see cref="ExecutableDirectory"/>, as <c>safetycert package</c> lays it out.
/// </summary>
public static class CustomHandlerLayout
{
    public const string ExecutableName = "safetycert";

    /// <summary>The folder beside host.json that holds the published app.</summary>
    public const string ExecutableDirectory = "bin";

    /// <summary>Where host.json expects the executable, relative to the function app root (always '/'-separated).</summary>
    public const string ExecutablePath = $"{ExecutableDirectory}/{ExecutableName}";
    public const string TimerBindingName = "timer";
    public const string QueueBindingName = "message";
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <summary>The app setting carrying <c>Storage:Prefix</c>, in the form Azure app settings spell it.</summary>
    public const string PrefixSetting = "Storage__Prefix";

    /// <summary>Where the HTTP API is reachable; invocations arrive on <c>/{FunctionName}</c> outside it.</summary>
    public const string HttpRoutePrefix = "api";

    /// <summary>Delivery attempts before a message is moved to its poison queue, the same as the local runtime.</summary>
    public const int MaxDequeueCount = 5;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject HostJson() => new()
    {
        ["version"] = "2.0",
        ["extensionBundle"] = new JsonObject
        {
            ["id"] = "Microsoft.Azure.Functions.ExtensionBundle",
            ["version"] = "[4.*, 5.0.0)",
        },
        ["customHandler"] = new JsonObject
        {
            ["description"] = new JsonObject
            {
                ["defaultExecutablePath"] = ExecutablePath,
                ["arguments"] = new JsonArray("serve"),
            },
            ["enableForwardingHttpRequest"] = true,
        },
        ["extensions"] = new JsonObject
        {
            // Keeping the API under /api means no public request can reach an invocation path /{FunctionName}.
            ["http"] = new JsonObject { ["routePrefix"] = HttpRoutePrefix },
            ["queues"] = new JsonObject { ["maxDequeueCount"] = MaxDequeueCount },
        },
    };

    /// <summary>
    /// Each function's <c>function.json</c>, by function name (the folder name). Timer schedules are written in UTC,
    /// the zone the Functions host reads them in; see <see cref="UtcSchedule"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">A timer's schedule has no exact UTC form.</exception>
    public static IReadOnlyDictionary<string, JsonObject> FunctionJsons(FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var files = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
        foreach (var timer in catalog.Timers)
        {
            files.Add(timer.Name, Bindings(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = TimerBindingName,
                ["schedule"] = UtcSchedule.FromShanghai(timer.Name, timer.Schedule),
                ["useMonitor"] = true,
            }));
        }

        foreach (var queue in catalog.Queues)
        {
            files.Add(queue.Name, Bindings(new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = QueueBindingName,
                ["queueName"] = $"%{PrefixSetting}%{queue.QueueName}",
                ["connection"] = StorageConnection,
            }));
        }

        files.Add(FunctionCatalog.ApiFunctionName, Bindings(
            new JsonObject
            {
                ["type"] = "httpTrigger",
                ["direction"] = "in",
                ["name"] = "req",
                ["authLevel"] = "anonymous",
                ["methods"] = new JsonArray("get", "post", "put", "patch", "delete", "head", "options"),
                ["route"] = "{*route}",
            },
            new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }));
        return files;
    }

    /// <summary>
    /// Writes host.json and the function folders into <paramref name="outputDirectory"/>, first removing folders of
    /// functions that no longer exist (any folder holding a function.json) so the layout matches the catalog exactly.
    /// </summary>
    public static IReadOnlyList<string> Write(FunctionCatalog catalog, string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        var files = FunctionJsons(catalog)
            .Select(f => (Path: Path.Combine(f.Key, "function.json"), Text: f.Value.ToJsonString(Indented)))
            .Prepend((Path: "host.json", Text: HostJson().ToJsonString(Indented)))
            .ToList();

        var root = Directory.CreateDirectory(outputDirectory);
        foreach (var stale in root.EnumerateDirectories().Where(d => File.Exists(Path.Combine(d.FullName, "function.json"))))
        {
            stale.Delete(recursive: true);
        }

        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root.FullName, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text + Environment.NewLine);
        }

        return [.. files.Select(f => f.Path)];
    }

    private static JsonObject Bindings(params JsonObject[] bindings) => new() { ["bindings"] = new JsonArray(bindings) };
}
