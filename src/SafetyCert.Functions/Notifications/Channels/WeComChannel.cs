using System.Text.Json;
using Microsoft.Extensions.Options;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// A WeCom (企业微信) group robot: POST <c>{base}/cgi-bin/webhook/send?key=KEY</c> with a markdown message; the
/// delivery id is the last line of the content, since the robot API has no idempotency header.
/// errcode 0 is success; 45009 (frequency limit) and -1 (busy) are retried; 40008 (message type not allowed)
/// falls back to a plain text message; anything else (bad key, content rejected) is permanent.
/// </summary>
internal sealed class WeComChannel(HttpClient http, IOptions<NotificationOptions> options) : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.WeCom;

    public string LimitKey(Contact contact) => $"wecom:{contact?.Key}";

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(contact);
        var url = new Uri(options.Value.WeComBaseUrl, $"cgi-bin/webhook/send?key={Uri.EscapeDataString(contact.Key!)}");
        var content = RobotText.Markdown(message);
        var outcome = await PostAsync(url, JsonSerializer.Serialize(new { msgtype = "markdown", markdown = new { content } }), ct).ConfigureAwait(false);
        if (outcome.Error?.StartsWith("WeCom errcode 40008", StringComparison.Ordinal) == true)
        {
            outcome = await PostAsync(url, JsonSerializer.Serialize(new { msgtype = "text", text = new { content = RobotText.Plain(message) } }), ct).ConfigureAwait(false);
        }

        return outcome;
    }

    private async Task<SendOutcome> PostAsync(Uri url, string body, CancellationToken ct)
    {
        var (failure, answer) = await RobotHttp.PostAsync(http, url, body, new Dictionary<string, string>(), ct).ConfigureAwait(false);
        using (answer)
        {
            if (failure is not null)
            {
                return failure;
            }

            var code = RobotHttp.ErrorCode(answer);
            var text = RobotHttp.Refusal("WeCom", code);
            return code switch
            {
                0 => SendOutcome.Sent,
                null => SendOutcome.Transient("WeCom answered without errcode"),
                45009 => SendOutcome.Transient(text, TimeSpan.FromMinutes(1)),
                -1 => SendOutcome.Transient(text),
                _ => SendOutcome.Permanent(text),
            };
        }
    }
}
