using NodaTime;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Revocations;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// One hundred lifecycle instances started at <see cref="Start"/>, whose deadlines then run for three months of business
/// time in <see cref="Steps"/> jumps of <see cref="Step"/>, with the events the outside world sends in between:
/// <list type="bullet">
/// <item>50 certificates issued last year and expiring 5 to 84 days after the start, through their renewal reminders to
/// expiry; those of them still valid for three weeks whose number ends in 3 file a renewal after the first jump (their
/// reminders stop, and they expire with the renewal pending);</item>
/// <item>15 certificates revoked for a fatal accident at the start, so 15 revocation instances started by the certificates,
/// which confirm the revocation back and remind the organization weekly until certificate and plaque are back: five get
/// both back after the first jump, five the certificate then and the plaque after the third, five nothing;</item>
/// <item>20 certificates of a licensed industry whose licence lapses after the first jump; half of them renew it after the
/// third.</item>
/// </list>
/// The revoked and licensed certificates were issued two years ago, so their follow-up visit is overdue at the start: each
/// takes a deadline already due when it is set. Business times are noon in Beijing, hours away from the 00:00 and 09:00 at
/// which deadlines fall, so the seconds hosts take never change which deadlines are due.
/// </summary>
internal sealed class LifecycleScenario(Instant start)
{
    public const int Steps = 6;

    public static readonly Duration Step = Duration.FromDays(15);

    private const int ExpiringCount = 50;
    private const int RevokedCount = 15;
    private const int LicensedCount = 20;

    // Profile, a county of its region, and that province's abbreviation for certificate numbers.
    private static readonly (string Profile, string Region, string Province)[] Jurisdictions =
    [
        ("ningxia-2017", "640104", "宁"),
        ("beijing-2015", "110105", "京"),
        ("fujian-2017", "350102", "闽"),
        ("mianyang-2020", "510703", "川"),
    ];

    private static readonly Grade[] Grades = [Grade.Level2, Grade.Level3, Grade.SmallMicro];

    public Instant Start { get; } = start;

    private LocalDate StartDate => ShanghaiTime.DateOf(Start);

    /// <summary>The business time of step <paramref name="step"/> (0 is the start).</summary>
    public Instant At(int step) => Start + (Step * step);

    /// <summary>Noon in Beijing a day from now: ahead of every host's real clock, so each can be set to it.</summary>
    public static Instant Tomorrow() =>
        ShanghaiTime.At(ShanghaiTime.DateOf(SystemClock.Instance.GetCurrentInstant()).PlusDays(1), new LocalTime(12, 0));

    /// <summary>Every instance the scenario starts or causes, as kind and id.</summary>
    public static IReadOnlyList<(string Kind, string Id)> Instances { get; } =
    [
        .. Enumerable.Range(0, ExpiringCount).Select(i => (WorkflowKinds.Certificate, Expiring(i))),
        .. Enumerable.Range(0, RevokedCount).Select(i => (WorkflowKinds.Certificate, Revoked(i))),
        .. Enumerable.Range(0, RevokedCount).Select(i => (WorkflowKinds.Revocation, Revoked(i))),
        .. Enumerable.Range(0, LicensedCount).Select(i => (WorkflowKinds.Certificate, Licensed(i))),
    ];

    /// <summary>The enterprise of every certificate, which has an e-mail contact; other parties have none (their notices fail at once).</summary>
    public static IEnumerable<string> Enterprises => Instances.Where(i => i.Kind == WorkflowKinds.Certificate).Select(i => EnterpriseOf(i.Id));

    /// <summary>The e-mail address of an enterprise in a run, unique to the run so runs can share MailDev.</summary>
    public static string Mailbox(string enterpriseId, string prefix) => $"{enterpriseId}.{prefix}@example.cn";

    public static async Task SaveContactsAsync(ClientHost client, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(Enterprises, cancellationToken, async (enterprise, ct) =>
            await client.Contacts.SaveAsync($"enterprise:{enterprise}", Contact.Email(1, Mailbox(enterprise, client.Prefix)), ct));
    }

    /// <summary>Starts every certificate at <see cref="Start"/>; the accidents start the revocations.</summary>
    public async Task StartAllAsync(ClientHost client, CancellationToken cancellationToken)
    {
        client.Clock.Reset(Start);
        var at = Start.ToDateTimeOffset();
        await ForEachAsync(Enumerable.Range(0, ExpiringCount), (i, ct) =>
            IssueAsync(client, Expiring(i), i, StartDate.PlusDays(-200), ExpiringValidThrough(i), licenceRequired: false, ct), cancellationToken);
        await ForEachAsync(Enumerable.Range(0, LicensedCount), (i, ct) =>
            IssueAsync(client, Licensed(i), i, StartDate.PlusDays(-700), StartDate.PlusDays(300 + i), licenceRequired: true, ct), cancellationToken);
        await ForEachAsync(Enumerable.Range(0, RevokedCount), async (i, ct) =>
        {
            // Ningxia: any death reaches the threshold [001 art.21(3)], so the certificate starts its revocation.
            await IssueAsync(client, Revoked(i), 0, StartDate.PlusDays(-700), StartDate.PlusDays(300 + i), licenceRequired: false, ct);
            await ApplyAsync(client, Revoked(i), WorkflowKinds.Certificate, new AccidentReported($"acc-{i}", StartDate.PlusDays(-1), 1, false), "accident", at, ct);
        }, cancellationToken);
    }

    /// <summary>What the outside world sends once the hosts have swept step <paramref name="step"/>, at its business time.</summary>
    public async Task SendStepEventsAsync(ClientHost client, int step, CancellationToken cancellationToken)
    {
        client.Clock.Reset(At(step));
        var at = At(step).ToDateTimeOffset();
        var today = ShanghaiTime.DateOf(At(step));
        var events = new List<(string Kind, string Id, WorkflowEvent Event, string EventId)>();
        switch (step)
        {
            case 1:
                events.AddRange(RenewalFilers
                    .Select(i => (WorkflowKinds.Certificate, Expiring(i), (WorkflowEvent)new RenewalFiled($"renewal-{i}", today), "renewal")));
                events.AddRange(Enumerable.Range(0, LicensedCount)
                    .Select(i => (WorkflowKinds.Certificate, Licensed(i), (WorkflowEvent)new LicenceLapsed(today), "lapse")));
                events.AddRange(Enumerable.Range(0, 10)
                    .Select(i => (WorkflowKinds.Revocation, Revoked(i), (WorkflowEvent)new CertificateReturned(today), "certificate-back")));
                events.AddRange(Enumerable.Range(0, 5)
                    .Select(i => (WorkflowKinds.Revocation, Revoked(i), (WorkflowEvent)new PlaqueReturned(today), "plaque-back")));
                break;
            case 3:
                events.AddRange(Enumerable.Range(0, LicensedCount).Where(i => i % 2 == 0)
                    .Select(i => (WorkflowKinds.Certificate, Licensed(i), (WorkflowEvent)new LicenceRenewed(today, today.PlusYears(3)), "renew")));
                events.AddRange(Enumerable.Range(5, 5)
                    .Select(i => (WorkflowKinds.Revocation, Revoked(i), (WorkflowEvent)new PlaqueReturned(today), "plaque-back")));
                break;
            default:
                break;
        }

        await ForEachAsync(events, (e, ct) => ApplyAsync(client, e.Id, e.Kind, e.Event, e.EventId, at, ct), cancellationToken);
    }

    /// <summary>
    /// The final state of every instance, keyed <c>kind/id</c>: status, runtime status in Durable, the deadlines still set,
    /// and the ids of every event it applied.
    /// </summary>
    public static async Task<SortedDictionary<string, string>> OutcomesAsync(ClientHost client, CancellationToken cancellationToken)
    {
        var outcomes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await ForEachAsync(Instances, async (instance, ct) =>
        {
            var status = await client.Workflows.GetStatusAsync(instance.Kind, instance.Id, ct);
            var applied = (await HistoryAsync(client, instance.Kind, instance.Id, ct))
                .Where(e => e.Outcome == Outcome.Applied)
                .Select(e => e.EventId)
                .Order(StringComparer.Ordinal);
            var text = status is null
                ? "(missing)"
                : $"{status.Status} {status.RuntimeStatus}; timers [{string.Join(", ", status.PendingTimers.Select(t => $"{t.Id}@{t.DueAt}").Order(StringComparer.Ordinal))}]; applied [{string.Join(", ", applied)}]";
            lock (outcomes)
            {
                outcomes[$"{instance.Kind}/{instance.Id}"] = text;
            }
        }, cancellationToken);
        return outcomes;
    }

    /// <summary>Instances whose audit trail shows an event id applied more than once, with the ids.</summary>
    public static async Task<List<string>> EventsAppliedTwiceAsync(ClientHost client, CancellationToken cancellationToken)
    {
        var twice = new List<string>();
        await ForEachAsync(Instances, async (instance, ct) =>
        {
            var repeated = (await HistoryAsync(client, instance.Kind, instance.Id, ct))
                .Where(e => e.Outcome == Outcome.Applied)
                .GroupBy(e => e.EventId, StringComparer.Ordinal)
                .Where(g => g.Count() > 1)
                .Select(g => $"{instance.Kind}/{instance.Id}: {g.Key} ×{g.Count()}")
                .ToList();
            lock (twice)
            {
                twice.AddRange(repeated);
            }
        }, cancellationToken);
        return twice;
    }

    /// <summary>How many timer firings the instances applied in all.</summary>
    public static async Task<int> TimersFiredAsync(ClientHost client, CancellationToken cancellationToken)
    {
        var fired = 0;
        await ForEachAsync(Instances, async (instance, ct) =>
        {
            var count = (await HistoryAsync(client, instance.Kind, instance.Id, ct)).Count(e => e.EventType == nameof(TimerFired) && e.Outcome == Outcome.Applied);
            Interlocked.Add(ref fired, count);
        }, cancellationToken);
        return fired;
    }

    private static async Task<List<HistoryEntry>> HistoryAsync(ClientHost client, string kind, string id, CancellationToken cancellationToken)
    {
        var entries = new List<HistoryEntry>();
        for (long? from = 1; from is { } next;)
        {
            var page = await client.Workflows.GetHistoryAsync(kind, id, next, cancellationToken: cancellationToken);
            entries.AddRange(page.Entries);
            from = page.NextSequence;
        }

        return entries;
    }

    /// <summary>The expiring certificates that file a renewal after the first jump: still valid for three weeks, number ending in 3.</summary>
    private IEnumerable<int> RenewalFilers => Enumerable.Range(0, ExpiringCount).Where(i => i % 10 == 3 && ExpiringValidThrough(i) >= StartDate.PlusDays(21));

    private LocalDate ExpiringValidThrough(int i) => StartDate.PlusDays(5 + (i * 37 % 80));

    private static string Expiring(int i) => $"exp-{i:D2}";

    private static string Revoked(int i) => $"rev-{i:D2}";

    private static string Licensed(int i) => $"lic-{i:D2}";

    private static string EnterpriseOf(string certificateId) => $"ent-{certificateId}";

    private async Task IssueAsync(
        ClientHost client, string id, int variant, LocalDate issuedOn, LocalDate validThrough, bool licenceRequired, CancellationToken cancellationToken)
    {
        var (profile, region, province) = Jurisdictions[variant % Jurisdictions.Length];
        var grade = Grades[variant % Grades.Length];
        var sequence = 1 + Instances.ToList().FindIndex(i => i.Id == id);
        var number = new CertificateNumber(province, grade, issuedOn.Year, sequence).ToString();
        var issued = new CertificateIssued(id, number, EnterpriseOf(id), region, grade, profile, issuedOn, validThrough, licenceRequired);
        var result = await PatientlyAsync(
            () => client.Workflows.StartAsync(WorkflowKinds.Certificate, id, issued, "issue", "fault-test", Start.ToDateTimeOffset(), cancellationToken),
            cancellationToken);
        Assert.True(result.Outcome == Outcome.Applied, $"certificate {id} did not start: {result.Reason}");
    }

    private static async Task ApplyAsync(
        ClientHost client, string id, string kind, WorkflowEvent @event, string eventId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var result = await PatientlyAsync(() => client.Workflows.ApplyAsync(kind, id, @event, eventId, "fault-test", at, cancellationToken), cancellationToken);
        Assert.True(result.Outcome == Outcome.Applied, $"{eventId} on {kind} {id} was {result.Outcome}: {result.Reason}");
    }

    /// <summary>
    /// Sends again what the client gave up on after its own two minutes (a starved machine can be that slow): the same
    /// event id, so a repeat is harmless, and a start already made answers with its recorded outcome once there is one.
    /// A second give-up fails the test, with what Durable holds about the instance (see <see cref="LifecycleRun"/>).
    /// </summary>
    private static async Task<TransitionResult> PatientlyAsync(Func<Task<TransitionResult>> send, CancellationToken cancellationToken)
    {
        TransitionResult result;
        try
        {
            result = await send();
        }
        catch (TimeoutException)
        {
            result = await send();
        }

        // A start the instance had not recorded yet when it was repeated answers "already started": ask again.
        for (var i = 0; i < 60 && result is { Outcome: Outcome.Ignored, Duplicate: true, Sequence: 0 }; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            result = await send();
        }

        return result;
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> body, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            items, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, (item, ct) => new ValueTask(body(item, ct)));
}
