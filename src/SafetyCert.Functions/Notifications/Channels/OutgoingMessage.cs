namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// A rendered notice ready for one channel. <see cref="DeliveryId"/> is deterministic, so a re-send after a crash
/// carries the same id and receivers can drop the duplicate.
/// </summary>
internal sealed record OutgoingMessage(
    string DeliveryId,
    string NoticeKind,
    string Subject,
    string Body,
    IReadOnlyDictionary<string, string> Facts);
