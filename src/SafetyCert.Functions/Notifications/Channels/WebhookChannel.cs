using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// A signed webhook: POST of a JSON body with the headers
/// <list type="bullet">
/// <item><c>X-SafetyCert-Delivery</c>: the delivery id, the same on every attempt (the receiver's idempotency key);</item>
/// <item><c>X-SafetyCert-Timestamp</c>: unix seconds when the request was signed;</item>
/// <item><c>X-SafetyCert-Signature</c>: <c>sha256=</c> + lower-case hex of HMAC-SHA256, keyed with the shared secret
/// (UTF-8), over the UTF-8 bytes of <c>{timestamp}.{body}</c>.</item>
/// </list>
/// A receiver verifies by recomputing the HMAC over the timestamp header, a dot and the raw request body, comparing
/// it to the signature in constant time, rejecting a timestamp more than five minutes from its own clock (replay),
/// and ignoring a delivery id it has already processed. Any 2xx is success; 408, 429 and 5xx are retried; other
/// 4xx are permanent, and so are redirects, which are never followed. The URL is checked again before each send
/// (<see cref="WebhookTargetGuard"/>), and the client connects only to addresses the guard checked.
/// </summary>
internal sealed class WebhookChannel([FromKeyedServices(WebhookChannel.HttpClientKey)] HttpClient http, WebhookTargetGuard guard, RealTime time) : INotificationChannel
{
    public const string HttpClientKey = "webhook";

    public const string DeliveryHeader = "X-SafetyCert-Delivery";
    public const string TimestampHeader = "X-SafetyCert-Timestamp";
    public const string SignatureHeader = "X-SafetyCert-Signature";

    public ChannelKind Kind => ChannelKind.Webhook;

    public string LimitKey(Contact contact) => $"webhook:{contact?.Url}";

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}")));

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(contact);
        if (await guard.ProblemAsync(contact.Url, ct).ConfigureAwait(false) is { } refused)
        {
            return SendOutcome.Permanent(refused);
        }

        var body = JsonSerializer.Serialize(new
        {
            deliveryId = message.DeliveryId,
            kind = message.NoticeKind,
            subject = message.Subject,
            body = message.Body,
            facts = message.Facts,
        });
        var timestamp = time.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>
        {
            [DeliveryHeader] = message.DeliveryId,
            [TimestampHeader] = timestamp,
            [SignatureHeader] = Sign(contact.Secret!, timestamp, body),
        };
        var (failure, answer) = await RobotHttp.PostAsync(http, new Uri(contact.Url!), body, headers, ct).ConfigureAwait(false);
        answer?.Dispose();
        return failure ?? SendOutcome.Sent;
    }
}
