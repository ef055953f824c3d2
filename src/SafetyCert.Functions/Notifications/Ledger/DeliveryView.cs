using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;

namespace SafetyCert.Functions.Notifications.Ledger;

/// <summary>A delivery as the status API shows it: identity, channel, status and every attempt.</summary>
internal sealed record DeliveryView(
    string DeliveryId,
    string WorkflowKind,
    string InstanceId,
    string NoticeKind,
    string DueDate,
    NoticeClass Class,
    Party Recipient,
    string Scope,
    ChannelKind Channel,
    DeliveryStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt,
    IReadOnlyList<DeliveryAttempt> Attempts,
    string? FallbackOf)
{
    public static DeliveryView Of(Delivery d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, d.WorkflowKind, d.InstanceId, d.NoticeKind, d.DueDate, d.Class, d.Recipient, d.Scope, d.Channel, d.Status, d.CreatedAt, d.NextAttemptAt, d.Attempts, d.FallbackOf);
    }
}
