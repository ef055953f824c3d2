using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafetyCert.Engine.Queues;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Functions;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Tests.Triggers;

/// <summary>The app as <c>serve</c> builds it under the Azure Functions host (FUNCTIONS_CUSTOMHANDLER_PORT set).</summary>
public sealed class CustomHandlerApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private WebApplication? app;
    private HttpClient? client;

    private HttpClient Client => client ?? throw new InvalidOperationException("Not started.");

    private WebApplication App => app ?? throw new InvalidOperationException("Not started.");

    public async ValueTask InitializeAsync()
    {
        app = ServeCommand.Build(
            [$"--{CustomHandlerApi.PortSetting}=7071", $"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:Prefix={AzuriteFixture.NewPrefix()}"],
            builder => builder.WebHost.UseTestServer(),
            functions => functions.AddTimer<SweepFunction>().AddQueue<EventsFunction>());
        await app.StartAsync(TestContext.Current.CancellationToken);
        client = app.GetTestClient();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_timer_invocation_reaches_the_function_with_its_schedule_status(bool timerAsJsonText)
    {
        var timer = """
            {"Schedule":{"AdjustForDST":true},
             "ScheduleStatus":{"Last":"2026-11-22T09:00:00+08:00","Next":"2026-11-22T09:05:00+08:00","LastUpdated":"2026-11-22T09:00:00.5+08:00"},
             "IsPastDue":true}
            """;
        var data = timerAsJsonText ? JsonSerializer.Serialize(timer) : timer;
        var payload = """{"Data":{"timer":""" + data + """},"Metadata":{"sys":{"MethodName":"Sweep","UtcNow":"2026-11-22T01:05:00Z"}}}""";

        using var response = await PostAsync("/Sweep", payload);

        await AssertCompletedAsync(response);
        var run = Assert.Single(App.Services.GetRequiredService<SweepFunction>().Runs);
        Assert.True(run.IsPastDue);
        Assert.Equal(
            new ScheduleStatus(
                new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 22, 1, 5, 0, TimeSpan.Zero),
                new DateTimeOffset(2026, 11, 22, 1, 0, 0, 500, TimeSpan.Zero)),
            run.ScheduleStatus);
    }

    [Theory]
    [InlineData("\"instance 42 submitted\"", "instance 42 submitted")]
    [InlineData("{\"instance\":\"42\",\"kind\":\"Submitted\"}", "{\"instance\":\"42\",\"kind\":\"Submitted\"}")]
    public async Task A_queue_invocation_reaches_the_function_with_body_and_metadata(string message, string expectedBody)
    {
        const string Metadata = """
            {"DequeueCount":2,"ExpirationTime":"2026-11-29T01:00:00+00:00","Id":"800ae4b3-bdd2-4c08-badd-f08e5a34b865",
             "InsertionTime":"2026-11-22T01:00:00+00:00","NextVisibleTime":"2026-11-22T01:10:00+00:00",
             "PopReceipt":"AgAAAAMAAAAAAAAAAgtnj8x+1QE=","sys":{"MethodName":"Events"}}
            """;
        var payload = $$"""{"Data":{"message":{{message}} },"Metadata":{{Metadata}} }""";

        using var response = await PostAsync("/Events", payload);

        await AssertCompletedAsync(response);
        var delivered = Assert.Single(App.Services.GetRequiredService<EventsFunction>().Messages);
        Assert.Equal(
            new QueueMessageInfo(
                App.Services.GetRequiredService<EventsFunction>().QueueName,
                "800ae4b3-bdd2-4c08-badd-f08e5a34b865",
                expectedBody,
                2,
                new DateTimeOffset(2026, 11, 22, 1, 0, 0, TimeSpan.Zero)),
            delivered);
    }

    [Fact]
    public async Task A_failing_function_answers_500_with_the_failure_in_logs()
    {
        using var response = await PostAsync("/Events", """{"Data":{"message":"fail"},"Metadata":{"DequeueCount":1,"Id":"m1"}}""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var log = Assert.Single(body.RootElement.GetProperty("Logs").EnumerateArray());
        Assert.Contains("Events failed", log.GetString(), StringComparison.Ordinal);
        Assert.Contains("The message asked to fail.", log.GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Sweep", "not json", "could not be read")]
    [InlineData("/Sweep", "[]", "JSON object")]
    [InlineData("/Sweep", """{"Metadata":{}}""", "no 'Data'")]
    [InlineData("/Sweep", """{"Data":{},"Metadata":{}}""", "no 'timer'")]
    [InlineData("/Sweep", """{"Data":{"timer":{"IsPastDue":"yes"}},"Metadata":{}}""", "IsPastDue")]
    [InlineData("/Sweep", """{"Data":{"timer":{"ScheduleStatus":{"Last":"yesterday","Next":"2026-11-22T09:05:00+08:00","LastUpdated":"2026-11-22T09:00:00+08:00"}}},"Metadata":{}}""", "ScheduleStatus.Last")]
    [InlineData("/Events", """{"Data":{"message":"m"},"Metadata":{"Id":"m1"}}""", "no 'DequeueCount'")]
    [InlineData("/Events", """{"Data":{"message":"m"},"Metadata":{"Id":"m1","DequeueCount":0}}""", "DequeueCount")]
    [InlineData("/Events", """{"Data":{"message":null},"Metadata":{"Id":"m1","DequeueCount":1}}""", "Data.message")]
    [InlineData("/Events", """{"Data":{"message":"m"},"Metadata":{"DequeueCount":1}}""", "no 'Id'")]
    public async Task A_malformed_invocation_answers_400_problem_details_naming_the_field(string path, string payload, string named)
    {
        using var response = await PostAsync(path, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(400, body.RootElement.GetProperty("status").GetInt32());
        Assert.Contains(named, body.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(App.Services.GetRequiredService<SweepFunction>().Runs);
        Assert.Empty(App.Services.GetRequiredService<EventsFunction>().Messages);
    }

    [Fact]
    public async Task Under_the_functions_host_the_local_trigger_runtime_does_not_run()
    {
        Assert.DoesNotContain(App.Services.GetServices<IHostedService>(), s => s is TriggerRuntime);
        using var health = await Client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        client?.Dispose();
        if (app is not null)
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private static async Task AssertCompletedAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        using var body = JsonDocument.Parse(text);
        Assert.Equal(["Outputs", "Logs", "ReturnValue"], body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Object, body.RootElement.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("Logs").ValueKind);
        Assert.Equal(JsonValueKind.Null, body.RootElement.GetProperty("ReturnValue").ValueKind);
    }

    private Task<HttpResponseMessage> PostAsync(string path, string payload) =>
        Client.PostAsync(
            new Uri(path, UriKind.Relative),
            new StringContent(payload, Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
}
