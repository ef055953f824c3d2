using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using SafetyCert.Host.Local;
using SafetyCert.Host.Tests.Local.Samples;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Local;

public sealed class DurableFunctionTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Greeting", "hello ada (Greeting)")]
    [InlineData("GreetingWithInput", "hello ada")]
    public async Task Orchestrator_function_gets_its_input_and_calls_an_activity_function(string orchestrator, string expected)
    {
        var recorder = new Recorder();
        DurableTaskTestHost? durable = null;
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton(recorder)
            .AddSingleton(_ => durable!.Client)
            .BuildServiceProvider();
        var index = new FunctionIndex(SampleApp.Instance);
        durable = await DurableTaskTestHost.StartAsync(
            registry => registry.AddDurableFunctions(index, services),
            new DurableTaskTestHostOptions { Port = FreePort(), LoggerFactory = NullLoggerFactory.Instance },
            Ct);
        await using var _ = durable;

        var id = await durable.Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, new Person("ada"), Ct);
        var done = await durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Ct);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(expected, done.ReadOutputAs<string>());
        Assert.Equal(["ada"], recorder.Of<string>("SayHello"));
    }

    [Fact]
    public async Task Http_function_starts_an_orchestration_through_its_Durable_client()
    {
        DurableTaskTestHost? durable = null;
        await using var host = await LocalHost.StartAsync(
            azurite.ConnectionString,
            LocalHost.Settings(AzuriteFixture.NewPrefix()),
            services: s => s.AddSingleton(_ => durable!.Client));
        var index = host.Services.GetRequiredService<FunctionIndex>();
        durable = await DurableTaskTestHost.StartAsync(
            registry => registry.AddDurableFunctions(index, host.Services),
            new DurableTaskTestHostOptions { Port = FreePort(), LoggerFactory = NullLoggerFactory.Instance },
            Ct);
        await using var _ = durable;

        var response = await host.Http.PostAsync(new Uri("/api/greetings/grace", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonSerializer.Deserialize<string>(await response.Content.ReadAsStringAsync(Ct))!;
        var done = await durable.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, Ct);

        Assert.Equal("hello grace (Greeting)", done.ReadOutputAs<string>());
        Assert.Equal(["grace"], host.Recorder.Of<string>("SayHello"));
    }

    /// <summary>The test host's own pick (30000-40000) can collide with ephemeral ports; take one the OS hands out.</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
