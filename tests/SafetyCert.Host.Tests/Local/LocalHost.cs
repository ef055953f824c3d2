using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafetyCert.Host.Local;
using SafetyCert.Host.Tests.Local.Samples;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Local;

/// <summary>
/// A web host running the sample function app through the adapter (<c>AddLocalFunctions</c>, <c>MapHttpFunctions</c>)
/// on the shared Azurite, on Kestrel at a port the OS picks, so an exception reaches the client as it would in Azure.
/// </summary>
internal sealed class LocalHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private LocalHost(WebApplication app, LogCollector logs, Recorder recorder, HttpClient http)
    {
        this.app = app;
        Logs = logs;
        Recorder = recorder;
        Http = http;
    }

    public LogCollector Logs { get; }

    public Recorder Recorder { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => app.Services;

    /// <summary>Settings every host needs: the sample timer's schedule (yearly unless given) and the work queue's name.</summary>
    public static Dictionary<string, string?> Settings(string workQueue, string schedule = "0 0 0 1 1 *") => new()
    {
        ["EveryMinuteSchedule"] = schedule,
        ["WorkQueue"] = workQueue,
    };

    /// <summary>Starts a host; its timer blobs get a prefix of their own unless <paramref name="configure"/> sets one.</summary>
    public static async Task<LocalHost> StartAsync(
        string connectionString,
        Dictionary<string, string?> settings,
        Action<LocalFunctionsOptions>? configure = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? services = null)
    {
        var logs = new LogCollector();
        var recorder = new Recorder();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSingleton(recorder);
        services?.Invoke(builder.Services);
        builder.Services.AddLocalFunctions(SampleApp.Instance, o =>
        {
            o.StorageConnectionString = connectionString;
            o.TimerBlobPrefix = AzuriteFixture.NewPrefix() + "/";
            configure?.Invoke(o);
        });
        var app = builder.Build();
        app.MapHttpFunctions();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LocalHost(app, logs, recorder, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>Whether a log entry's message, or the message of the exception it carries, contains <paramref name="text"/>.</summary>
    public bool Logged(string text) =>
        Logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal) || (e.Exception?.ToString().Contains(text, StringComparison.Ordinal) ?? false));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }
}
