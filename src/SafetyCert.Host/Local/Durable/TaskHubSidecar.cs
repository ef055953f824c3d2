using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace SafetyCert.Host.Local;

/// <summary>
/// The Durable Task sidecar: <see cref="TaskHubGrpcServer"/> over an orchestration service, served over HTTP/2 on a
/// loopback port the OS hands out. It is its own small web host, apart from the app's, because the gRPC server ties
/// its dispatchers to its host's lifetime (they start when that host has started and the worker connects, and stop
/// when it stops) and because the app's endpoints should not speak cleartext HTTP/2.
/// </summary>
internal sealed class TaskHubSidecar : IAsyncDisposable
{
    private readonly WebApplication app;

    private TaskHubSidecar(WebApplication app, IPEndPoint endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    /// <summary>Where the sidecar listens.</summary>
    public IPEndPoint Endpoint { get; }

    public static async Task<TaskHubSidecar> StartAsync(
        IOrchestrationService service, IOrchestrationServiceClient client, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        // It shares the app's logger factory, so its Kestrel's "Now listening on" line appears among the app's.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IHostLifetime, SidecarLifetime>();
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<TaskHubGrpcServer>();

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();

        // Built before the host starts so that it sees the host's start, which arms its dispatchers.
        app.Services.GetRequiredService<TaskHubGrpcServer>();
        try
        {
            await app.StartAsync(cancellationToken);
            var bound = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
            var uri = new Uri(bound);
            return new TaskHubSidecar(app, new IPEndPoint(IPAddress.Parse(uri.Host), uri.Port));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the dispatchers fetching work; the gRPC endpoint keeps answering until disposed.</summary>
    public void StopDispatching() => app.Lifetime.StopApplication();

    /// <summary>Closes the endpoint at once: the only client is the app's own worker, which is stopping too.</summary>
    public async ValueTask DisposeAsync()
    {
        // An already cancelled token makes Kestrel abort open streams instead of waiting for the worker's
        // long-lived work-item stream to end by itself.
        await app.StopAsync(new CancellationToken(canceled: true));
        await app.DisposeAsync();
    }
}
