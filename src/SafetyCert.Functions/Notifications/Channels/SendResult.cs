namespace SafetyCert.Functions.Notifications.Channels;

internal enum SendResult
{
    Sent,

    /// <summary>Worth trying again later: the receiver was down, busy or rate-limited us.</summary>
    Transient,

    /// <summary>Trying again will not help: bad address, revoked robot, rejected content.</summary>
    Permanent,
}
