using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// E-mail over SMTP. The Message-ID is <c>&lt;{hash of the delivery id}@safetycert&gt;</c>, the same on every attempt:
/// when a sender dies after the relay accepted a message but before the ledger recorded it, the re-send carries the
/// same Message-ID and mail clients and archives treat the two as one message. Each e-mail carries the plain text and
/// an HTML part (<see cref="EmailHtml"/>) showing the same facts.
/// </summary>
internal sealed class EmailChannel(IOptions<NotificationOptions> options) : INotificationChannel
{
    public ChannelKind Kind => ChannelKind.Email;

    public string LimitKey(Contact contact) => "smtp";

    public static string MessageId(string deliveryId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)))[..40] + "@safetycert";

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, Contact contact, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(contact);
        var smtp = options.Value.Smtp;
        using var mime = new MimeMessage
        {
            MessageId = MessageId(message.DeliveryId),
            Subject = message.Subject,
            // multipart/alternative: the plain text as rendered, and an HTML part laid out from that same text.
            Body = new BodyBuilder { TextBody = message.Body, HtmlBody = EmailHtml.Render(message.Subject, message.Body) }.ToMessageBody(),
        };
        mime.From.Add(new MailboxAddress(smtp.SenderName, smtp.Sender));
        foreach (var address in contact.Addresses)
        {
            if (!MailboxAddress.TryParse(address, out var mailbox))
            {
                return SendOutcome.Permanent($"'{address}' is not an e-mail address.");
            }

            mime.To.Add(mailbox);
        }

        mime.Headers.Add("X-SafetyCert-Delivery", message.DeliveryId);

        using var client = new SmtpClient();
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None, ct).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct).ConfigureAwait(false);
            }

            await client.SendAsync(mime, ct).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, ct).ConfigureAwait(false);
            return SendOutcome.Sent;
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            // The relay's own words stay out of the status users read: the code and its standard name say enough.
            return SendOutcome.Permanent($"SMTP {(int)e.StatusCode} {e.StatusCode}");
        }
        catch (SmtpCommandException e)
        {
            return SendOutcome.Transient($"SMTP {(int)e.StatusCode} {e.StatusCode}");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException or SslHandshakeException)
        {
            return SendOutcome.Transient($"SMTP relay {smtp.Host}:{smtp.Port} unreachable");
        }
        catch (AuthenticationException)
        {
            return SendOutcome.Transient("SMTP login refused");
        }
    }
}
