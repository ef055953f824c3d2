using Azure.Core;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Cli;
using SafetyCert.Testing;

namespace SafetyCert.Benchmarks;

/// <summary>
/// The app exactly as <c>safetycert serve</c> builds it (every function class; Durable's Azure Storage backend behind
/// the in-process sidecar, task hub <c>{prefix}hub</c>), on the shared Azurite, with business time on a fake clock,
/// SMTP to MailDev at the highest rate the options allow, its log counted instead of printed, and the bare
/// orchestration registered on the same worker.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    /// <summary>The options' upper bound (the default, 120 a minute, would make a 20,000-mail burst last almost 3 hours).</summary>
    public const int SmtpMessagesPerMinute = 10_000;

    private BenchHost(WebApplication app, FakeClock clock, HostLog log, ClientCalls calls, RowCounter tables, RowCounter dueIndex)
    {
        Tables = tables;
        DueIndex = dueIndex;
        App = app;
        Clock = clock;
        Log = log;
        Calls = calls;
        Durable = app.Services.GetRequiredService<DurableTaskClient>();
        Workflows = app.Services.GetRequiredService<WorkflowClients>().For(Durable);
        Bare = new BareClient(Durable, app.Services.GetRequiredService<BareSignals>());
    }

    public WebApplication App { get; }

    public FakeClock Clock { get; }

    public HostLog Log { get; }

    public ClientCalls Calls { get; }

    /// <summary>The app's own table requests and rows read (Durable's task hub uses clients of its own).</summary>
    public RowCounter Tables { get; }

    /// <summary>The app's requests to the due index table and the rows it read there.</summary>
    public RowCounter DueIndex { get; }

    public DurableTaskClient Durable { get; }

    public WorkflowClient Workflows { get; }

    public BareClient Bare { get; }

    public IServiceProvider Services => App.Services;

    public static async Task<BenchHost> StartAsync(string connectionString, MailDev mail, string prefix, Instant now)
    {
        var clock = new FakeClock(now);
        var log = new HostLog();
        var calls = new ClientCalls();
        var tables = new RowCounter();
        var dueIndex = new RowCounter(prefix + WorkflowStorageNames.Timers);
        var app = Build(
            [
                $"--Storage:ConnectionString={connectionString}",
                $"--Storage:Prefix={prefix}",
                "--Jwt:SigningKey=benchmark-signing-key-of-at-least-32-characters",
                "--Notifications:Smtp:Host=127.0.0.1",
                $"--Notifications:Smtp:Port={mail.SmtpPort}",
                $"--Notifications:SmtpMessagesPerMinute={SmtpMessagesPerMinute}",
                "--urls=http://127.0.0.1:0",
            ],
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(log);
                builder.Services.AddSingleton<IClock>(clock);
                builder.Services.AddSingleton<BareSignals>();
                builder.Services.Configure<DurableTaskRegistry>(Options.DefaultName, registry =>
                    registry.AddOrchestrator<BareOrchestration>().AddActivity<BareStep>());
                builder.Services.Configure<GrpcDurableTaskClientOptions>(Options.DefaultName, client => client.Interceptors.Add(calls));
                // AddAzureClients names its clients "Default".
                builder.Services.Configure<TableClientOptions>("Default", options =>
                {
                    options.AddPolicy(tables, HttpPipelinePosition.PerCall);
                    options.AddPolicy(dueIndex, HttpPipelinePosition.PerCall);
                });
            });
        await app.StartAsync();
        return new BenchHost(app, clock, log, calls, tables, dueIndex);
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary><c>ServeCommand.Build</c>: the benchmark runs the very composition <c>serve</c> runs rather than a copy of it.</summary>
    private static WebApplication Build(string[] args, Action<WebApplicationBuilder> configure) =>
        ServeCommand.Build(args, configure, loadStoredCalendar: true);
}
