using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using NodaTime.Testing;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Local;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// The app as <c>serve</c> builds it, in this process on a test server, over the storage and task hub of the hosts under
/// test, but doing no work of its own: its Durable worker, queue listeners and timer triggers are left out, so it only
/// starts instances, hands them events and reads what the hosts made of them (its sidecar starts dispatching only once
/// a worker connects, and none does). Its business clock is a fake one the test moves along with the hosts' clocks.
/// </summary>
internal sealed class ClientHost : IAsyncDisposable
{
    public const string SigningKey = "fault-tests-signing-key-of-at-least-32-characters";

    private readonly WebApplication app;

    private ClientHost(WebApplication app, FakeClock clock, string prefix)
    {
        this.app = app;
        Clock = clock;
        Prefix = prefix;
        Workflows = app.Services.GetRequiredService<WorkflowClients>().For(app.Services.GetRequiredService<DurableTaskClient>());
    }

    public FakeClock Clock { get; }

    public string Prefix { get; }

    /// <summary>The task hub of the prefix, as serve names it.</summary>
    public string TaskHub => $"{Prefix}hub";

    public WorkflowClient Workflows { get; }

    public IServiceProvider Services => app.Services;

    public StorageAccount Storage => app.Services.GetRequiredService<StorageAccount>();

    public ContactBook Contacts => app.Services.GetRequiredService<ContactBook>();

    public DeliveryLedger Ledger => app.Services.GetRequiredService<DeliveryLedger>();

    public static async Task<ClientHost> StartAsync(string connectionString, string prefix, Instant now, CancellationToken cancellationToken)
    {
        var clock = new FakeClock(now);
        var app = ServeCommand.Build(
            [
                $"--Storage:ConnectionString={connectionString}",
                $"--Storage:Prefix={prefix}",
                $"--Jwt:SigningKey={SigningKey}",
                "--Notifications:Smtp:Port=2525",
                "--LocalDurable:WorkerId=fault-test-client",
            ],
            builder =>
            {
                builder.WebHost.UseTestServer();
                builder.Logging.ClearProviders();
                builder.Services.AddSingleton<IClock>(clock);
                WithoutWorkers(builder.Services);
            },
            loadStoredCalendar: false);
        await app.StartAsync(cancellationToken);
        return new ClientHost(app, clock, prefix);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    /// <summary>Every hosted service stays, but those that would take work (Durable worker, queue and timer triggers) idle.</summary>
    private static void WithoutWorkers(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var original = services[i];
            if (original.ServiceType != typeof(IHostedService) || original.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<IHostedService>(provider => Create(original, provider) switch
            {
                DurableTaskWorker or QueueFunctionListener or TimerTriggerService => new Idle(),
                var service => service,
            });
        }
    }

    private static IHostedService Create(ServiceDescriptor descriptor, IServiceProvider provider) =>
        (IHostedService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class Idle : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
