using NodaTime.Text;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Turns a notice into a ledger row on the party's first channel and a queue message. The row's id is
/// deterministic and inserted only if absent, so the engine may hand the same notice over any number of times.
/// Routine notices the party muted are recorded as <see cref="DeliveryStatus.Muted"/>; informational ones outside
/// working hours as <see cref="DeliveryStatus.Held"/> until the next opening; a notice to a party with no contact as
/// <see cref="DeliveryStatus.Undeliverable"/>, which the catch-up re-addresses once the party has a contact.
/// </summary>
internal sealed class NotificationOutbox(
    ContactBook contacts,
    DeliveryLedger ledger,
    NotificationQueue queue,
    NoticeRenderer renderer,
    TimeProvider time,
    WorkingHours hours,
    ILogger<NotificationOutbox> logger,
    Api.Enterprises.EnterpriseRegistry? enterprises = null) : INotificationOutbox
{
    public async Task EnqueueAsync(NotificationRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.InstanceId);
        var notice = await NamedAsync(request.Notice ?? throw new ArgumentException("The request carries no notice.", nameof(request)), ct).ConfigureAwait(false);
        string scope;
        PartyContacts party;
        string subject;
        string body;
        try
        {
            scope = RecipientScope.Of(notice);
            party = await contacts.GetAsync(scope, ct).ConfigureAwait(false);
            (subject, body) = renderer.Render(notice, party.Preferences);
        }
        catch (ArgumentException e)
        {
            // A notice that names no recipient, or has no template, can never be delivered; retrying would only
            // stall the workflow's outbox behind it.
            Log.Undeliverable(logger, notice.Kind, request.Kind, request.InstanceId, e.Message);
            return;
        }

        var now = time.GetUtcNow();
        var contact = party.Channels.Count > 0 ? party.Channels[0] : null;

        var dueDate = LocalDatePattern.Iso.Format(notice.DueDate);
        var contactId = contact?.Id ?? "none";
        var status = contact is null ? DeliveryStatus.Undeliverable
            : notice.Class == NoticeClass.Routine && party.Preferences.MutedKinds.Contains(notice.Kind) ? DeliveryStatus.Muted
            : notice.Class == NoticeClass.Informational && hours.NextOpen(now) > now ? DeliveryStatus.Held
            : DeliveryStatus.Pending;
        var delivery = new Delivery
        {
            Id = DeliveryKey.Id(request.Kind, request.InstanceId, notice.Kind, dueDate, scope, contactId),
            WorkflowKind = request.Kind,
            InstanceId = request.InstanceId,
            Sequence = request.Sequence,
            NoticeKind = notice.Kind,
            DueDate = dueDate,
            Class = notice.Class,
            Rule = notice.Rule,
            Recipient = notice.Recipient,
            Scope = scope,
            Channel = contact?.Channel ?? ChannelKind.Email,
            ContactId = contactId,
            Facts = notice.Facts,
            Subject = subject,
            Body = body,
            Status = status,
            CreatedAt = now,
            NextAttemptAt = status == DeliveryStatus.Held ? hours.NextOpen(now) : now,
            Attempts = contact is null ? [new DeliveryAttempt(now, SendResult.Permanent, $"{scope} has no contact; the notice is sent once one is added.")] : [],
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        };

        if (!await ledger.TryAddAsync(delivery, ct).ConfigureAwait(false))
        {
            Log.AlreadyRecorded(logger, delivery.Id);
            return;
        }

        Log.Recorded(logger, delivery.Id, status, scope);
        if (contact is null)
        {
            Log.NoContact(logger, scope, notice.Kind, request.InstanceId);
            return;
        }

        if (status is DeliveryStatus.Pending or DeliveryStatus.Held)
        {
            await queue.SendAsync(delivery.Id, delivery.NextAttemptAt - now, ct).ConfigureAwait(false);
        }
    }

    // A person reads the enterprise's registered name, never only its credit code: the workflows know the id, the
    // registry the name. The name goes into the recorded facts, so every attempt and the digest read the same one.
    private async Task<Notify> NamedAsync(Notify notice, CancellationToken ct)
    {
        if (enterprises is null
            || notice.Facts.ContainsKey(NoticeFactNames.EnterpriseName)
            || notice.Facts.GetValueOrDefault(NoticeFactNames.EnterpriseId) is not { Length: > 0 and <= Storage.TableKey.MaxPartLength } id
            || await enterprises.GetAsync(id, ct).ConfigureAwait(false) is not { Name: { Length: > 0 } name })
        {
            return notice;
        }

        return notice with { Facts = notice.Facts.SetItem(NoticeFactNames.EnterpriseName, name) };
    }
}
