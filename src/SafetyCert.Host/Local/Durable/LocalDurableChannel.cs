using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace SafetyCert.Host.Local;

/// <summary>
/// The one gRPC channel the worker and the client share to reach the in-process sidecar. It exists from the moment the
/// container is built, but the sidecar's port is known only once Kestrel has bound it (the OS picks a free one), so
/// every connection dials the published endpoint and waits for it until then. That lets the worker and the client be
/// ordinary singletons of the app's container without caring in which order the hosted services start.
/// </summary>
internal sealed class LocalDurableChannel : IDisposable
{
    // A logical address: the connect callback below decides where connections go.
    private static readonly Uri Address = new("http://local-durable-sidecar");

    private readonly TaskCompletionSource<IPEndPoint> endpoint = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LocalDurableChannel()
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = ConnectAsync,
            EnableMultipleHttp2Connections = true,
        };
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public GrpcChannel Channel { get; }

    /// <summary>Lets waiting and future connections through to the sidecar.</summary>
    public void Publish(IPEndPoint sidecar) => endpoint.TrySetResult(sidecar);

    /// <summary>Fails waiting and future calls at once when the sidecar could not start.</summary>
    public void Fail(Exception reason) => endpoint.TrySetException(reason);

    public void Dispose() => Channel.Dispose();

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = await endpoint.Task.WaitAsync(cancellationToken);
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
