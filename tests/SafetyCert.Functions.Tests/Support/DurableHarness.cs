using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using NodaTime.Testing;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Tests.Support;

/// <summary>
/// The lifecycle orchestration and its activities on Durable's in-process engine, with the activities' tables on Azurite
/// and the app's own services: the same classes the function app runs, registered by name as the Functions host does.
/// </summary>
internal sealed class DurableHarness : IAsyncDisposable
{
    private readonly DurableTaskTestHost host;
    private readonly ServiceProvider services;

    static DurableHarness()
    {
        // The in-process engine logs every gRPC call at Information through its own host's configuration.
        Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
    }

    private DurableHarness(DurableTaskTestHost host, ServiceProvider services, FakeClock clock, RecordingOutbox notices)
    {
        this.host = host;
        this.services = services;
        Clock = clock;
        Notices = notices;
        Workflows = services.GetRequiredService<WorkflowClients>().For(host.Client);
    }

    public FakeClock Clock { get; }

    public RecordingOutbox Notices { get; }

    public WorkflowClient Workflows { get; }

    public Microsoft.DurableTask.Client.DurableTaskClient Durable => host.Client;

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public static async Task<DurableHarness> StartAsync(AzuriteFixture azurite, Instant now, Func<IServiceCollection, IServiceCollection>? replace = null)
    {
        var clock = new FakeClock(now);
        var notices = new RecordingOutbox();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:Prefix"] = AzuriteFixture.NewPrefix(),
            ["Jwt:SigningKey"] = "orchestration-tests-signing-key-of-32-characters",
        }).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<IClock>(clock);
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddSafetyCert(configuration, loadStoredCalendar: false);
        collection.Replace(ServiceDescriptor.Singleton<INotificationOutbox>(notices));
        replace?.Invoke(collection);
        var services = collection.BuildServiceProvider();
        var orchestration = ActivatorUtilities.CreateInstance<LifecycleOrchestration>(services);
        var activities = ActivatorUtilities.CreateInstance<TransitionActivities>(services);
        DurableTaskTestHost? started = null;
        var host = await DurableTaskTestHost.StartAsync(
            registry => registry
                .AddOrchestratorFunc<LifecycleInput, string?>(LifecycleOrchestration.Name, (context, _) => orchestration.RunAsync(context))
                .AddActivityFunc<Transition>(TransitionActivities.RecordName, (_, transition) => activities.RecordAsync(transition, CancellationToken.None))
                .AddActivityFunc<Transition, CarryOutResult>(TransitionActivities.CarryOutName, (_, transition) => activities.CarryOutAsync(transition, started!.Client, CancellationToken.None))
                .AddActivityFunc<Delivery[], Delivery[]>(TransitionActivities.ConfirmName, (_, deliveries) => activities.ConfirmAsync(deliveries, started!.Client, CancellationToken.None)),
            new DurableTaskTestHostOptions { Port = FreePort() },
            TestContext.Current.CancellationToken);
        started = host;
        return new DurableHarness(host, services, clock, notices);
    }

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        await services.DisposeAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
