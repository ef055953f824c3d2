using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Tests.Triggers;

/// <summary>The app as <c>serve</c> builds it on its own (no Functions host): the trigger runtime fires the functions.</summary>
public sealed class ServeCommandTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task On_its_own_the_app_runs_the_trigger_runtime_and_exposes_no_invocation_endpoints()
    {
        await using var app = ServeCommand.Build(
            [$"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:Prefix={AzuriteFixture.NewPrefix()}"],
            builder => builder.WebHost.UseTestServer(),
            functions => functions.AddTimer<SweepFunction>().AddQueue<EventsFunction>());
        await app.StartAsync(TestContext.Current.CancellationToken);
        using var client = app.GetTestClient();

        Assert.Contains(app.Services.GetServices<IHostedService>(), s => s is TriggerRuntime);
        using var invocation = await client.PostAsync(
            new Uri("/Sweep", UriKind.Relative),
            new StringContent("""{"Data":{"timer":{"IsPastDue":false}},"Metadata":{}}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, invocation.StatusCode);
        Assert.Empty(app.Services.GetRequiredService<SweepFunction>().Runs);
        using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        await app.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public void Build_rejects_a_custom_handler_port_that_is_not_a_port()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ServeCommand.Build([$"--{CustomHandlerApi.PortSetting}=http"]));

        Assert.Contains(CustomHandlerApi.PortSetting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Functions_command_writes_the_layout_of_the_catalog_serve_builds()
    {
        var output = Path.Combine(Path.GetTempPath(), $"functions-{Guid.NewGuid():N}");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        try
        {
            var exitCode = FunctionsCommand.Run(["--output", output], stdout, stderr);

            Assert.Equal(0, exitCode);
            Assert.True(File.Exists(Path.Combine(output, "host.json")));
            Assert.True(File.Exists(Path.Combine(output, "Api", "function.json")));
            Assert.Contains(Path.Combine(output, "host.json"), stdout.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    [Fact]
    public void Functions_command_without_output_prints_usage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Assert.Equal(2, FunctionsCommand.Run([], stdout, stderr));
        Assert.Contains("--output", stderr.ToString(), StringComparison.Ordinal);
    }
}
