using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>
/// A local stand-in for WeCom, DingTalk and webhook receivers on 127.0.0.1. It checks each request the way the
/// real receivers do (URL shape, JSON shape, signatures) and records what it accepted; a request that fails a
/// check is answered 400 and recorded as a rejection, so a test sees it.
/// </summary>
internal sealed class RobotReceiver : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Task loop;
    private readonly List<ReceivedRequest> received = [];
    private readonly List<string> rejected = [];

    public RobotReceiver()
    {
        Port = NodeService.FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public string WebhookSecret { get; init; } = "webhook-secret";

    public string DingTalkSecret { get; init; } = "SECdingtalk-secret";

    /// <summary>Chooses the answer (status, body) to the n-th accepted request (0-based).</summary>
    public Func<int, (int Status, string Body)> Answer { get; set; } = _ => (200, """{"errcode":0,"errmsg":"ok"}""");

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (received)
            {
                return [.. received];
            }
        }
    }

    public IReadOnlyList<string> Rejected
    {
        get
        {
            lock (received)
            {
                return [.. rejected];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = new ReceivedRequest(
                context.Request.Url!.AbsolutePath,
                context.Request.QueryString.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.QueryString[k]!),
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body);
            var problem = Check(request);
            int index;
            lock (received)
            {
                if (problem is not null)
                {
                    rejected.Add(problem);
                }
                else
                {
                    received.Add(request);
                }

                index = received.Count - 1;
            }

            var (status, answer) = problem is null ? Answer(index) : (400, problem);
            context.Response.StatusCode = status;
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string? Check(ReceivedRequest r)
    {
        using var json = JsonDocument.Parse(r.Body);
        var root = json.RootElement;
        switch (r.Path)
        {
            case "/cgi-bin/webhook/send":
                if (!r.Query.ContainsKey("key"))
                {
                    return "WeCom: no key";
                }

                return root.GetProperty("msgtype").GetString() switch
                {
                    "markdown" when root.GetProperty("markdown").GetProperty("content").GetString() is { Length: > 0 } => null,
                    "text" when root.GetProperty("text").GetProperty("content").GetString() is { Length: > 0 } => null,
                    _ => "WeCom: neither markdown nor text content",
                };
            case "/robot/send":
                if (!r.Query.TryGetValue("access_token", out _) || !r.Query.TryGetValue("timestamp", out var timestamp) || !r.Query.TryGetValue("sign", out var sign))
                {
                    return "DingTalk: access_token, timestamp or sign missing";
                }

                // HttpListener has already URL-decoded the query value, which is what DingTalk compares.
                var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(DingTalkSecret), Encoding.UTF8.GetBytes($"{timestamp}\n{DingTalkSecret}")));
                if (sign != expected)
                {
                    return $"DingTalk: bad sign {sign}";
                }

                return root.GetProperty("msgtype").GetString() == "markdown"
                    && root.GetProperty("markdown").GetProperty("title").GetString() is { Length: > 0 }
                    && root.GetProperty("markdown").GetProperty("text").GetString() is { Length: > 0 }
                    ? null
                    : "DingTalk: markdown title/text missing";
            default:
                if (!r.Headers.TryGetValue("X-SafetyCert-Timestamp", out var ts) || !r.Headers.TryGetValue("X-SafetyCert-Signature", out var signature)
                    || !r.Headers.ContainsKey("X-SafetyCert-Delivery"))
                {
                    return "Webhook: headers missing";
                }

                var mac = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes($"{ts}.{r.Body}")));
                return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(signature)) ? null : "Webhook: bad signature";
        }
    }
}
