namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>The ways a notice reaches a party; the names are stored in the contact and delivery tables.</summary>
internal enum ChannelKind
{
    Email,
    Webhook,
    WeCom,
    DingTalk,
}
