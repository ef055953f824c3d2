using System.Text.Json.Nodes;
using SafetyCert.Host.Functions;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Tests.Triggers;

public sealed class CustomHandlerLayoutTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), $"functions-{Guid.NewGuid():N}");

    private readonly FunctionCatalog catalog = new(
        [new RecordingTimerFunction("Sweep", "0 */1 * * * *"), new RecordingTimerFunction("SpotCheck", "0 0 2 * * MON")],
        [new RecordingQueueFunction("Events", "events"), new RecordingQueueFunction("Notifications", "notifications")]);

    [Fact]
    public void Write_gives_every_function_a_folder_and_every_folder_a_function()
    {
        CustomHandlerLayout.Write(catalog, output);

        var folders = Directory.GetDirectories(output).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(catalog.Names.Order(StringComparer.Ordinal), folders);
        Assert.All(catalog.Names, name => Assert.True(File.Exists(Path.Combine(output, name, "function.json")), name));
    }

    // DESIGN.md "The function app": schedules are Shanghai time; the Functions host on Linux reads them in UTC.
    [Theory]
    [InlineData("Sweep", "0 */1 * * * *")]
    [InlineData("SpotCheck", "0 0 18 * * 0")] // Monday 02:00 in Shanghai is Sunday 18:00 UTC
    public void Timer_functions_carry_their_schedule_in_UTC_in_a_timer_trigger(string function, string utcSchedule)
    {
        CustomHandlerLayout.Write(catalog, output);

        var binding = Assert.Single(Bindings(function));
        Assert.Equal("timerTrigger", binding["type"]!.GetValue<string>());
        Assert.Equal("in", binding["direction"]!.GetValue<string>());
        Assert.Equal(CustomHandlerLayout.TimerBindingName, binding["name"]!.GetValue<string>());
        Assert.Equal(utcSchedule, binding["schedule"]!.GetValue<string>());
    }

    [Fact]
    public void Write_refuses_a_schedule_with_no_UTC_form_and_writes_nothing()
    {
        var monthly = new FunctionCatalog([new RecordingTimerFunction("MonthlyReport", "0 0 2 1 * *")], []);

        var error = Assert.Throws<NotSupportedException>(() => CustomHandlerLayout.Write(monthly, output));

        Assert.Contains("'MonthlyReport'", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Queue_functions_listen_on_the_prefixed_queue_through_the_storage_connection()
    {
        CustomHandlerLayout.Write(catalog, output);

        foreach (var queue in catalog.Queues)
        {
            var binding = Assert.Single(Bindings(queue.Name));
            Assert.Equal("queueTrigger", binding["type"]!.GetValue<string>());
            Assert.Equal(CustomHandlerLayout.QueueBindingName, binding["name"]!.GetValue<string>());
            Assert.Equal($"%Storage__Prefix%{queue.QueueName}", binding["queueName"]!.GetValue<string>());
            Assert.Equal("AzureWebJobsStorage", binding["connection"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_api_is_one_anonymous_catch_all_http_function()
    {
        CustomHandlerLayout.Write(catalog, output);

        var bindings = Bindings(FunctionCatalog.ApiFunctionName);
        var trigger = Assert.Single(bindings, b => b["type"]!.GetValue<string>() == "httpTrigger");
        Assert.Equal("anonymous", trigger["authLevel"]!.GetValue<string>());
        Assert.Equal("{*route}", trigger["route"]!.GetValue<string>());
        Assert.Equal(
            ["get", "post", "put", "patch", "delete", "head", "options"],
            trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()));
        var result = Assert.Single(bindings, b => b["type"]!.GetValue<string>() == "http");
        Assert.Equal("out", result["direction"]!.GetValue<string>());
    }

    [Fact]
    public void Host_json_runs_the_executable_as_a_custom_handler_forwarding_http()
    {
        CustomHandlerLayout.Write(catalog, output);

        var host = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "host.json")))!;
        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host["extensionBundle"]!["id"]!.GetValue<string>());
        Assert.Equal("bin/safetycert", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.Equal(["serve"], host["customHandler"]!["description"]!["arguments"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal(5, host["extensions"]!["queues"]!["maxDequeueCount"]!.GetValue<int>());
    }

    [Fact]
    public void Write_removes_folders_of_functions_that_are_gone_and_keeps_other_files()
    {
        Directory.CreateDirectory(Path.Combine(output, "Retired"));
        File.WriteAllText(Path.Combine(output, "Retired", "function.json"), "{}");
        Directory.CreateDirectory(Path.Combine(output, "runtimes"));
        File.WriteAllText(Path.Combine(output, "safetycert"), "binary");

        CustomHandlerLayout.Write(catalog, output);

        Assert.False(Directory.Exists(Path.Combine(output, "Retired")));
        Assert.True(Directory.Exists(Path.Combine(output, "runtimes")));
        Assert.True(File.Exists(Path.Combine(output, "safetycert")));
    }

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private List<JsonNode> Bindings(string function) =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(output, function, "function.json")))!["bindings"]!.AsArray().Select(b => b!)];
}
