using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>One way of delivering a message to a contact.</summary>
internal interface INotificationChannel
{
    ChannelKind Kind { get; }

    /// <summary>The rate-limit bucket a message to this contact falls in (a robot, a webhook URL, the SMTP relay).</summary>
    string LimitKey(Contact contact);

    /// <summary>Sends once; classifies failures instead of throwing for anything the receiver answered.</summary>
    Task<SendOutcome> SendAsync(OutgoingMessage message, Contact contact, CancellationToken ct);
}
