using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Tests.Package;

/// <summary>The published folder is a dotnet-isolated Functions package declaring exactly the functions the code declares.</summary>
public sealed class PublishLayoutTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    private static readonly string[] Triggers = ["httpTrigger", "timerTrigger", "queueTrigger", "orchestrationTrigger", "activityTrigger"];

    private static HashSet<string> DeclaredFunctions() =>
        [.. typeof(LifecycleOrchestration).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()];

    [Fact]
    public void The_package_has_the_worker_layout_the_Functions_host_loads()
    {
        app.AssertPublished();

        Assert.True(File.Exists(Path.Combine(app.Directory, "host.json")));
        Assert.True(File.Exists(Path.Combine(app.Directory, "functions.metadata")));
        Assert.True(File.Exists(Path.Combine(app.Directory, "worker.config.json")));
        Assert.True(Directory.Exists(Path.Combine(app.Directory, ".azurefunctions")));
        Assert.True(File.Exists(Path.Combine(app.Directory, "SafetyCert.Functions.dll")));
        Assert.False(Directory.EnumerateFiles(app.Directory, "function.json", SearchOption.AllDirectories).Any(), "A dotnet-isolated package has no function.json files.");
    }

    [Fact]
    public void Functions_metadata_lists_every_declared_function_and_no_other()
    {
        app.AssertPublished();
        using var metadata = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Directory, "functions.metadata")));
        var published = metadata.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());

        Assert.Equal(DeclaredFunctions().Order(StringComparer.Ordinal), published.Keys.Order(StringComparer.Ordinal));
        Assert.All(published.Values, f => Assert.Contains(
            f.GetProperty("bindings").EnumerateArray().Select(b => b.GetProperty("type").GetString()), t => Triggers.Contains(t)));
        Assert.Contains(LifecycleOrchestration.Name, published.Keys);
        Assert.Contains(TimerSweepFunction.Name, published.Keys);
    }

    [Fact]
    public void Extensions_json_brings_the_host_the_durable_and_queue_extensions()
    {
        // Timers and HTTP are built into the Functions host; Durable and storage queues are loaded from .azurefunctions.
        app.AssertPublished();
        using var extensions = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Directory, "extensions.json")));
        var names = extensions.RootElement.GetProperty("extensions").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();

        Assert.Contains("DurableTask", names);
        Assert.Contains("AzureStorageQueues", names);
        Assert.True(File.Exists(Path.Combine(app.Directory, ".azurefunctions", "DurableTask.AzureStorage.dll")));
    }

    [Fact]
    public void Host_json_names_the_task_hub_and_poisons_queue_messages_after_five_dequeues()
    {
        app.AssertPublished();
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(app.Directory, "host.json")));
        var extensions = host.RootElement.GetProperty("extensions");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.Equal("%TaskHubName%", extensions.GetProperty("durableTask").GetProperty("hubName").GetString());
        Assert.Equal("AzureStorage", extensions.GetProperty("durableTask").GetProperty("storageProvider").GetProperty("type").GetString());
        Assert.Equal(5, extensions.GetProperty("queues").GetProperty("maxDequeueCount").GetInt32());
    }
}
