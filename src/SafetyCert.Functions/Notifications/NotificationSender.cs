using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;
using SafetyCert.Functions.Operations;
using SafetyCert.Functions.RateLimiting;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Sends one delivery and records what happened. Exactly-once as far as the sender can make it:
/// <list type="number">
/// <item>a finished row, or one whose next attempt is still ahead, is left alone (a duplicate message);</item>
/// <item>the row is claimed as <see cref="DeliveryStatus.Sending"/> with its ETag before anything goes out, so of
/// two concurrent senders only one sends;</item>
/// <item>a claim older than <see cref="NotificationOptions.SendingLease"/> means a sender died between sending and
/// recording; the delivery is sent again with the same id (same e-mail Message-ID, same webhook delivery header,
/// same robot reference line), so receivers can drop the second copy.</item>
/// </list>
/// Transient failures wait with exponential backoff; permanent ones fail, and a Mandatory notice then falls back
/// to the party's next channel as a new ledger row.
/// </summary>
internal sealed class NotificationSender(
    ContactBook contacts,
    DeliveryLedger ledger,
    NotificationQueue queue,
    IEnumerable<INotificationChannel> channels,
    SharedWindowRateLimiter limiter,
    TimeProvider time,
    RealTime wall,
    WorkingHours hours,
    IOptions<NotificationOptions> options,
    ILogger<NotificationSender> logger)
{
    private readonly Dictionary<ChannelKind, INotificationChannel> byKind = channels.ToDictionary(c => c.Kind);

    /// <summary>
    /// Handles one queue message; returns the row as it was left. A delivery that cannot even be tried (its party's
    /// contact row is unreadable, a channel throws) is recorded on its row as a failed attempt before the exception
    /// goes on to the queue, so its message is retried and, after five tries, moved to <c>-poison</c>, while the row
    /// says why; after <see cref="NotificationOptions.MaxAttempts"/> such attempts the row fails for good.
    /// </summary>
    public async Task<Delivery?> ProcessAsync(string deliveryId, CancellationToken ct)
    {
        var delivery = await ledger.GetAsync(deliveryId, ct).ConfigureAwait(false);
        if (delivery is null)
        {
            Log.UnknownDelivery(logger, deliveryId);
            return null;
        }

        // Sending joins the trace of the workflow event that decided the notice.
        using var span = SafetyCertTelemetry.StartUnder("notice.send", delivery.TraceParent);
        span?.SetTag("safetycert.delivery.id", delivery.Id);
        span?.SetTag("safetycert.notice.kind", delivery.NoticeKind);
        try
        {
            var result = await SendAsync(delivery, ct).ConfigureAwait(false);
            span?.SetTag("safetycert.delivery.status", result?.Status.ToString());
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.GetType().Name);
            SafetyCertTelemetry.Unprocessable.Add(1, new KeyValuePair<string, object?>("reason", e.GetType().Name));
            await RecordUnprocessableAsync(deliveryId, e, ct).ConfigureAwait(false);
            throw;
        }
    }

    private async Task<Delivery?> SendAsync(Delivery delivery, CancellationToken ct)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (delivery.IsFinished)
        {
            return delivery;
        }

        if (delivery.Status == DeliveryStatus.Sending)
        {
            // The lease runs on real time: an accelerated business clock must not end a claim while its send is under way.
            if (delivery.SendingSince + settings.SendingLease > wall.UtcNow)
            {
                return delivery;
            }

            Log.Resending(logger, delivery.Id, delivery.SendingSince ?? now);
        }
        else if (delivery.NextAttemptAt > now)
        {
            return delivery;
        }

        if (delivery.Class == NoticeClass.Informational && hours.NextOpen(now) is var open && open > now)
        {
            return await DeferAsync(delivery, DeliveryStatus.Held, open, ct).ConfigureAwait(false);
        }

        var party = await contacts.GetAsync(delivery.Scope, ct).ConfigureAwait(false);
        if (delivery.Class == NoticeClass.Routine && party.Preferences.MutedKinds.Contains(delivery.NoticeKind))
        {
            return await ledger.TryUpdateAsync(delivery with { Status = DeliveryStatus.Muted, SendingSince = null }, ct).ConfigureAwait(false);
        }

        var contact = party.Find(delivery.ContactId);
        if (contact is null || contact.Channel != delivery.Channel)
        {
            var gone = new DeliveryAttempt(now, SendResult.Permanent, $"Contact {delivery.ContactId} of {delivery.Scope} no longer exists.");
            return await FinishFailedAsync(delivery with { Attempts = [.. delivery.Attempts, gone] }, party, gone.Error, ct).ConfigureAwait(false);
        }

        var channel = byKind[contact.Channel];
        using var lease = await limiter.AcquireAsync(new RateLimitKey(channel.LimitKey(contact), PerMinute(contact.Channel)), 1, ct).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            var delay = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
            Log.RateLimited(logger, delivery.Id, contact.Channel, delay);
            return await DeferAsync(delivery, DeliveryStatus.Pending, now + delay, ct).ConfigureAwait(false);
        }

        var claimed = await ledger.TryUpdateAsync(delivery with { Status = DeliveryStatus.Sending, SendingSince = wall.UtcNow }, ct).ConfigureAwait(false);
        if (claimed is null)
        {
            return null;
        }

        var outcome = await channel.SendAsync(claimed.ToMessage(), contact, ct).ConfigureAwait(false);
        var at = time.GetUtcNow();
        Log.Attempted(logger, delivery.Id, contact.Channel, outcome.Result, outcome.Error);
        var attempted = claimed with { Attempts = [.. claimed.Attempts, new DeliveryAttempt(at, outcome.Result, outcome.Error)], SendingSince = null };
        var retried = outcome.Result == SendResult.Transient && attempted.Attempts.Count < settings.MaxAttempts;
        SafetyCertTelemetry.Notices.Add(
            1,
            new KeyValuePair<string, object?>("channel", contact.Channel.ToString()),
            new KeyValuePair<string, object?>("result", outcome.Result == SendResult.Sent ? "sent" : retried ? "retried" : "failed"));
        if (outcome.Result == SendResult.Sent)
        {
            return await RecordAsync(attempted with { Status = DeliveryStatus.Sent }, ct).ConfigureAwait(false);
        }

        if (retried)
        {
            var next = at + (outcome.RetryAfter ?? Backoff(attempted.Attempts.Count));
            var waiting = await RecordAsync(attempted with { Status = DeliveryStatus.Pending, NextAttemptAt = next }, ct).ConfigureAwait(false);
            if (waiting is not null)
            {
                await queue.SendAsync(delivery.Id, next - at, ct).ConfigureAwait(false);
            }

            return waiting;
        }

        return await FinishFailedAsync(attempted, party, outcome.Error, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends every delivery whose time has passed, e.g. after the host was down: waiting, held, retry-due and
    /// abandoned mid-send rows. Each goes through <see cref="ProcessAsync"/>, so a row that another sender or a
    /// queue message handles at the same moment still goes out once.
    /// </summary>
    public async Task<int> CatchUpAsync(DateTimeOffset now, CancellationToken ct)
    {
        await ReaddressAsync(ct).ConfigureAwait(false);
        var due = new List<string>();
        await foreach (var delivery in ledger.DueAsync(now, ct).ConfigureAwait(false))
        {
            due.Add(delivery.Id);
        }

        Log.CaughtUp(logger, due.Count);
        foreach (var id in due)
        {
            try
            {
                await ProcessAsync(id, ct).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // One delivery that cannot be processed must not keep every later one from being sent.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                Log.CatchUpFailed(logger, e, id);
            }
        }

        return due.Count;
    }

    /// <summary>
    /// Gives every <see cref="DeliveryStatus.Undeliverable"/> notice whose party has a contact by now a delivery to that
    /// contact. The new row's id names the contact and is inserted only if absent, and it goes in before the old row is
    /// marked <see cref="DeliveryStatus.Readdressed"/>, so a crash or a second catch-up never sends the notice twice.
    /// </summary>
    public async Task<int> ReaddressAsync(CancellationToken ct) => await ReaddressAsync(scope: null, ct).ConfigureAwait(false);

    /// <summary>
    /// Re-addresses the party's undeliverable notices right after one of its contacts was saved. The contact is
    /// saved either way: should this fail, the catch-up does it later.
    /// </summary>
    public async Task ReaddressAfterSaveAsync(string scope, CancellationToken ct)
    {
        try
        {
            await ReaddressAsync(scope, ct).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The save succeeded; the catch-up retries what this could not do.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            Log.ReaddressFailed(logger, e, scope);
        }
    }

    private async Task<int> ReaddressAsync(string? scope, CancellationToken ct)
    {
        var waiting = new List<Delivery>();
        await foreach (var delivery in ledger.UndeliverableAsync(scope, ct).ConfigureAwait(false))
        {
            waiting.Add(delivery);
        }

        var readdressed = 0;
        foreach (var group in waiting.GroupBy(d => d.Scope, StringComparer.Ordinal))
        {
            var party = await contacts.GetAsync(group.Key, ct).ConfigureAwait(false);
            if (party.Channels.Count == 0)
            {
                continue;
            }

            var contact = party.Channels[0];
            foreach (var delivery in group)
            {
                var next = delivery.To(contact, time.GetUtcNow());
                await ledger.TryAddAsync(next, ct).ConfigureAwait(false);
                if (await ledger.TryUpdateAsync(delivery with { Status = DeliveryStatus.Readdressed }, ct).ConfigureAwait(false) is null)
                {
                    continue;
                }

                Log.Readdressed(logger, delivery.Id, next.Id);
                await queue.SendAsync(next.Id, TimeSpan.Zero, ct).ConfigureAwait(false);
                readdressed++;
            }
        }

        return readdressed;
    }

    internal TimeSpan Backoff(int failures)
    {
        var settings = options.Value;
        var delay = settings.FirstRetryDelay * Math.Pow(2, Math.Min(failures - 1, 30));
        return delay > settings.MaxRetryDelay ? settings.MaxRetryDelay : delay;
    }

    private int PerMinute(ChannelKind channel) => channel switch
    {
        ChannelKind.WeCom or ChannelKind.DingTalk => options.Value.RobotMessagesPerMinute,
        ChannelKind.Webhook => options.Value.WebhookMessagesPerMinute,
        _ => options.Value.SmtpMessagesPerMinute,
    };

    private async Task<Delivery?> DeferAsync(Delivery delivery, DeliveryStatus status, DateTimeOffset until, CancellationToken ct)
    {
        var deferred = await ledger.TryUpdateAsync(delivery with { Status = status, NextAttemptAt = until, SendingSince = null }, ct).ConfigureAwait(false);
        if (deferred is not null)
        {
            await queue.SendAsync(delivery.Id, until - time.GetUtcNow(), ct).ConfigureAwait(false);
        }

        return deferred;
    }

    private async Task<Delivery?> FinishFailedAsync(Delivery delivery, PartyContacts party, string? error, CancellationToken ct)
    {
        var next = delivery.Class == NoticeClass.Mandatory ? party.After(delivery.ContactId) : null;
        if (next is null)
        {
            Log.Failed(logger, delivery.Id, error);
            return await RecordAsync(delivery with { Status = DeliveryStatus.Failed }, ct).ConfigureAwait(false);
        }

        // The fallback row goes in first: a crash before the old row is marked re-runs this step, and the insert is idempotent.
        var fallback = delivery.To(next, time.GetUtcNow());
        await ledger.TryAddAsync(fallback, ct).ConfigureAwait(false);
        Log.FellBack(logger, delivery.Id, delivery.ContactId, next.Id);
        var recorded = await RecordAsync(delivery with { Status = DeliveryStatus.FellBack }, ct).ConfigureAwait(false);
        await queue.SendAsync(fallback.Id, TimeSpan.Zero, ct).ConfigureAwait(false);
        return recorded;
    }

    private async Task RecordUnprocessableAsync(string deliveryId, Exception exception, CancellationToken ct)
    {
        var current = await ledger.GetAsync(deliveryId, ct).ConfigureAwait(false);
        if (current is null || current.IsFinished)
        {
            return;
        }

        var now = time.GetUtcNow();
        // Users read this status; the exception (its message may quote stored values) goes to the log only.
        var error = "The delivery could not be processed; the operators' log has the cause.";
        var attempts = (IReadOnlyList<DeliveryAttempt>)[.. current.Attempts, new DeliveryAttempt(now, SendResult.Transient, error)];
        var failed = attempts.Count >= options.Value.MaxAttempts;
        Log.Unprocessable(logger, exception, deliveryId, attempts.Count, failed);
        await RecordAsync(
            current with { Attempts = attempts, Status = failed ? DeliveryStatus.Failed : DeliveryStatus.Pending, SendingSince = null, NextAttemptAt = now },
            ct).ConfigureAwait(false);
    }

    private async Task<Delivery?> RecordAsync(Delivery delivery, CancellationToken ct)
    {
        var recorded = await ledger.TryUpdateAsync(delivery, ct).ConfigureAwait(false);
        if (recorded is null)
        {
            Log.LostClaim(logger, delivery.Id);
        }

        return recorded;
    }
}
