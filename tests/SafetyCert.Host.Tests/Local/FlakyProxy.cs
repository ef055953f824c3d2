using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SafetyCert.Host.Tests.Local;

/// <summary>
/// A TCP proxy in front of the shared Azurite's queue service that can fail: <see cref="Break"/> drops every connection
/// and refuses new ones until <see cref="Restore"/>, so the storage SDK sees the account vanish mid-request;
/// <see cref="Stall"/> keeps passing requests on but holds the responses back until <see cref="Resume"/>, so storage
/// acts on requests whose caller has given up by the time the answer comes.
/// </summary>
internal sealed class FlakyProxy : IAsyncDisposable
{
    private const string QueueEndpoint = "QueueEndpoint=";

    private readonly int target;
    private readonly ConcurrentDictionary<TcpClient, byte> connections = new();
    private TcpListener listener;
    private volatile bool stalled;
    private Task accepting;

    /// <param name="connectionString">The account whose queue endpoint the proxy stands in front of.</param>
    public FlakyProxy(string connectionString)
    {
        var queues = QueueEndpointOf(connectionString);
        target = queues.Port;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync(listener);
        ConnectionString = connectionString.Replace(
            QueueEndpoint + queues.GetLeftPart(UriPartial.Authority), $"{QueueEndpoint}{queues.Scheme}://{queues.Host}:{Port}", StringComparison.Ordinal);
    }

    public int Port { get; }

    /// <summary>The account with its queues reached through this proxy and everything else directly.</summary>
    public string ConnectionString { get; }

    public void Break()
    {
        listener.Stop();
        foreach (var connection in connections.Keys)
        {
            // An RST rather than a FIN: the request in flight fails as it would when the account drops away.
            connection.Client?.Close(0);
            connection.Dispose();
        }

        connections.Clear();
    }

    public void Stall() => stalled = true;

    public void Resume() => stalled = false;

    public void Restore()
    {
        listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Start();
        accepting = AcceptAsync(listener);
    }

    public async ValueTask DisposeAsync()
    {
        Break();
        await accepting;
    }

    private static Uri QueueEndpointOf(string connectionString) =>
        connectionString.Split(';').FirstOrDefault(p => p.StartsWith(QueueEndpoint, StringComparison.Ordinal)) is { } endpoint
            ? new Uri(endpoint[QueueEndpoint.Length..])
            : throw new ArgumentException("The connection string names no queue endpoint.", nameof(connectionString));

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = await from.AcceptTcpClientAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task RespondAsync(NetworkStream from, NetworkStream to)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            while (stalled)
            {
                await Task.Delay(20);
            }

            await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        connections[client] = 0;
        connections[upstream] = 0;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, target);
            var requests = client.GetStream().CopyToAsync(upstream.GetStream());
            var responses = RespondAsync(upstream.GetStream(), client.GetStream());
            await Task.WhenAny(requests, responses);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // Broken on purpose.
        }
        finally
        {
            connections.TryRemove(client, out _);
            connections.TryRemove(upstream, out _);
            client.Dispose();
        }
    }
}
