using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// A DingTalk (钉钉) custom robot with signing: POST
/// <c>{base}/robot/send?access_token=T&amp;timestamp=MS&amp;sign=S</c>, where S is the URL-encoded Base64 of
/// HMAC-SHA256 keyed with the secret over <c>"{MS}\n{secret}"</c>. The body is a markdown message (<see cref="RobotText"/>) ending with
/// the notice number. errcode 0 is success; 130101 (sending too fast) waits out the vendor's 10-minute block;
/// -1 (busy) is retried; anything else (bad token, signature, keyword or IP) is permanent.
/// </summary>
internal sealed class DingTalkChannel(HttpClient http, IOptions<NotificationOptions> options, RealTime time) : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.DingTalk;

    public string LimitKey(Contact contact) => $"dingtalk:{contact?.Key}";

    public static string Sign(string secret, long timestampMs) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}")));

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(contact);
        var timestamp = time.UtcNow.ToUnixTimeMilliseconds();
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"robot/send?access_token={Uri.EscapeDataString(contact.Key!)}&timestamp={timestamp}&sign={Uri.EscapeDataString(Sign(contact.Secret!, timestamp))}");
        var body = JsonSerializer.Serialize(new { msgtype = "markdown", markdown = new { title = message.Subject, text = RobotText.Markdown(message) } });
        var (failure, answer) = await RobotHttp.PostAsync(http, new Uri(options.Value.DingTalkBaseUrl, query), body, new Dictionary<string, string>(), ct).ConfigureAwait(false);
        using (answer)
        {
            if (failure is not null)
            {
                return failure;
            }

            var code = RobotHttp.ErrorCode(answer);
            var text = RobotHttp.Refusal("DingTalk", code);
            return code switch
            {
                0 => SendOutcome.Sent,
                null => SendOutcome.Transient("DingTalk answered without errcode"),
                130101 => SendOutcome.Transient(text, TimeSpan.FromMinutes(10)),
                -1 => SendOutcome.Transient(text),
                _ => SendOutcome.Permanent(text),
            };
        }
    }
}
