using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;
using Microsoft.Azure.Functions.Worker;

namespace SafetyCert.Functions.Notifications.Digest;

/// <summary>
/// Timer function, daily at 08:00 Beijing (00:00 UTC): a digest to every regulator and review organization in the contact book
/// with anything to report. Each digest is a ledger row (workflow kind <c>digest</c>, instance = scope, notice kind
/// <c>daily-digest</c>, due date = today) on the party's first channel, so a re-run the same day sends nothing new.
/// Routine: a party may mute <c>daily-digest</c>.
/// </summary>
internal sealed class DailyDigestFunction(
    ContactBook contacts,
    DeliveryLedger ledger,
    NotificationQueue queue,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<DailyDigestFunction> logger,
    NoticeRenderer words,
    IDeadlineFeed? deadlines = null,
    EnterpriseRegistry? enterprises = null)
{
    public const string NoticeKind = "daily-digest";
    public const string WorkflowKind = "digest";

    public const string FunctionName = "DailyDigest";

    /// <summary>When the digest runs, Beijing time: the schedule below is 00:00 UTC.</summary>
    private static readonly LocalTime RunsAt = new(8, 0);

    [Function(FunctionName)]
    public Task RunAsync([TimerTrigger("0 0 0 * * *")] TimerInfo timer, CancellationToken cancellationToken) => RunAsync(cancellationToken);

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var today = MorningOf(Instant.FromDateTimeOffset(now));
        var from = ShanghaiTime.StartOf(today.PlusDays(-1)).ToDateTimeOffset();
        var to = ShanghaiTime.StartOf(today).ToDateTimeOffset();
        var yesterday = new List<Delivery>();
        await foreach (var row in ledger.CreatedBetweenAsync(from, to, ct).ConfigureAwait(false))
        {
            if (row.WorkflowKind != WorkflowKind)
            {
                yesterday.Add(row);
            }
        }

        var open = new List<DigestDeadline>();
        if (deadlines is not null)
        {
            await foreach (var d in deadlines.OpenAsync(today.PlusDays(options.Value.DigestLookaheadDays), ct).ConfigureAwait(false))
            {
                open.Add(d);
            }
        }

        var names = await NamesAsync(open, yesterday, ct).ConfigureAwait(false);
        var sent = 0;
        var scopes = (await contacts.ScopesAsync("regulator:", ct).ConfigureAwait(false))
            .Concat(await contacts.ScopesAsync("review-organization:", ct).ConfigureAwait(false));
        foreach (var scope in scopes)
        {
            var digest = DigestBuilder.Build(words, scope, today, options.Value.DigestLookaheadDays, open.Where(d => DigestBuilder.Concerns(scope, d.Facts, null)), yesterday.Where(d => DigestBuilder.Concerns(scope, d)), names);
            Log.Digest(logger, scope, digest.DueSoon.Count, digest.Overdue.Count, digest.Yesterday.Count);
            if (digest.IsEmpty)
            {
                continue;
            }

            var party = await contacts.GetAsync(scope, ct).ConfigureAwait(false);
            var contact = party.Channels.Count > 0 ? party.Channels[0] : null;
            if (contact is null || party.Preferences.MutedKinds.Contains(NoticeKind))
            {
                continue;
            }

            var dueDate = LocalDatePattern.Iso.Format(today);
            var delivery = new Delivery
            {
                Id = DeliveryKey.Id(WorkflowKind, scope, NoticeKind, dueDate, scope, contact.Id),
                WorkflowKind = WorkflowKind,
                InstanceId = scope,
                Sequence = 0,
                NoticeKind = NoticeKind,
                DueDate = dueDate,
                Class = NoticeClass.Routine,
                Rule = "RULES.md §9 (ledger)",
                Recipient = scope.StartsWith("regulator:", StringComparison.Ordinal) ? Party.Regulator : Party.ReviewOrganization,
                Scope = scope,
                Channel = contact.Channel,
                ContactId = contact.Id,
                Facts = new Dictionary<string, string>(),
                Subject = digest.Subject,
                Body = digest.Body,
                Status = DeliveryStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            };
            if (await ledger.TryAddAsync(delivery, ct).ConfigureAwait(false))
            {
                await queue.SendAsync(delivery.Id, TimeSpan.Zero, ct).ConfigureAwait(false);
                sent++;
            }
        }

        return sent;
    }

    /// <summary>
    /// The day whose 08:00 (Beijing) run this is: the latest 08:00 at or before <paramref name="now"/>. A run that catches
    /// up late (the host was down, or a development clock jumped past several mornings) reports for the morning it
    /// missed, never for a day whose morning has not come.
    /// </summary>
    internal static LocalDate MorningOf(Instant now)
    {
        var local = now.InZone(ShanghaiTime.Zone).LocalDateTime;
        return local.TimeOfDay >= RunsAt ? local.Date : local.Date.PlusDays(-1);
    }

    // The registered names of the enterprises whose deadlines or notices carry none: a digest names enterprises, never ids.
    private async Task<Dictionary<string, string>> NamesAsync(List<DigestDeadline> open, List<Delivery> yesterday, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        if (enterprises is null)
        {
            return names;
        }

        var unnamed = open.Where(d => string.IsNullOrWhiteSpace(d.EnterpriseName)).Select(d => d.EnterpriseId)
            .Concat(yesterday.Where(d => !d.Facts.ContainsKey(NoticeFactNames.EnterpriseName)).Select(d => d.EnterpriseId).OfType<string>())
            .Where(id => id.Length is > 0 and <= Storage.TableKey.MaxPartLength)
            .Distinct(StringComparer.Ordinal);
        foreach (var id in unnamed)
        {
            if (await enterprises.GetAsync(id, ct).ConfigureAwait(false) is { Name: { Length: > 0 } name })
            {
                names[id] = name;
            }
        }

        return names;
    }
}
