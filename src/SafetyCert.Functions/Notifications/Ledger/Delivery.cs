using Azure;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;

namespace SafetyCert.Functions.Notifications.Ledger;

/// <summary>
/// One notice to one party over one channel: a row of <c>{prefix}deliveries</c>. The subject and body are rendered
/// when the row is written, so every attempt (and a re-send after a crash) carries the same text.
/// </summary>
internal sealed record Delivery
{
    public required string Id { get; init; }

    public required string WorkflowKind { get; init; }

    public required string InstanceId { get; init; }

    public required long Sequence { get; init; }

    public required string NoticeKind { get; init; }

    public required string DueDate { get; init; }

    public required NoticeClass Class { get; init; }

    public required string Rule { get; init; }

    public required Party Recipient { get; init; }

    public required string Scope { get; init; }

    public required ChannelKind Channel { get; init; }

    public required string ContactId { get; init; }

    public required IReadOnlyDictionary<string, string> Facts { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required DeliveryStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset? SendingSince { get; init; }

    public IReadOnlyList<DeliveryAttempt> Attempts { get; init; } = [];

    /// <summary>The delivery on the previous channel this one replaces.</summary>
    public string? FallbackOf { get; init; }

    /// <summary>The W3C trace context of the workflow event that decided the notice, so its sending joins that trace.</summary>
    public string? TraceParent { get; init; }

    public string? EnterpriseId => Facts.GetValueOrDefault(NoticeFactNames.EnterpriseId);

    public ETag ETag { get; init; }

    /// <summary>Nothing more to send on this row; an <see cref="DeliveryStatus.Undeliverable"/> one waits for a contact, not for a sender.</summary>
    public bool IsFinished => Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.FellBack or DeliveryStatus.Muted
        or DeliveryStatus.Undeliverable or DeliveryStatus.Readdressed;

    public OutgoingMessage ToMessage() => new(Id, NoticeKind, Subject, Body, Facts);

    /// <summary>The same notice, addressed to <paramref name="contact"/> afresh at <paramref name="now"/>, in place of this row.</summary>
    public Delivery To(Contacts.Contact contact, DateTimeOffset now) => this with
    {
        Id = DeliveryKey.Id(WorkflowKind, InstanceId, NoticeKind, DueDate, Scope, contact.Id),
        Channel = contact.Channel,
        ContactId = contact.Id,
        Status = DeliveryStatus.Pending,
        CreatedAt = now,
        NextAttemptAt = now,
        SendingSince = null,
        Attempts = [],
        FallbackOf = Id,
    };
}
