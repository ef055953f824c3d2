using NodaTime;
using NodaTime.Testing;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.SelfAssessments;
using SafetyCert.Engine.Queues;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Host.Tests.MultiHost;

/// <summary>
/// A set of lifecycle instances started at <see cref="Start"/> on one storage prefix, whose timers then run for
/// months: certificates expiring over the coming months, certificates revoked for a fatal accident (whose
/// revocations then send recall reminders), an application left in material review, a self-assessment year.
/// </summary>
public sealed class LifecycleScenario
{
    private static readonly (string Id, string Province, string Region, Grade Grade, string Profile, int ValidForDays)[] Expiring =
    [
        ("cert-nx-1", "宁", "640104", Grade.Level2, "ningxia-2017", 10),
        ("cert-bj-1", "京", "110105", Grade.Level3, "beijing-2015", 25),
        ("cert-fj-1", "闽", "350102", Grade.SmallMicro, "fujian-2017", 40),
        ("cert-my-1", "川", "510703", Grade.Level3, "mianyang-2020", 70),
        ("cert-nx-2", "宁", "640104", Grade.Level3, "ningxia-2017", 100),
    ];

    private static readonly string[] AccidentCertificates = ["cert-nx-acc", "cert-bj-acc"];

    private readonly FakeClock clock;

    public LifecycleScenario(StorageAccount storage, Instant start)
    {
        Start = start;
        clock = new FakeClock(start);
        var registry = new WorkflowRegistry();
        foreach (var workflow in WorkflowCatalog.Create(WorkingDayCalendar.China, ProfileCatalog.Embedded).Values)
        {
            registry.Add(workflow);
        }

        Storage = storage;
        Engine = new WorkflowEngine(storage, registry, new DiscardingOutbox(), clock);
        Sweeper = new TimerSweeper(Engine);
    }

    public Instant Start { get; }

    public StorageAccount Storage { get; }

    public WorkflowEngine Engine { get; }

    public TimerSweeper Sweeper { get; }

    /// <summary>Every instance the scenario starts or causes, as kind and id.</summary>
    public static IReadOnlyList<(string Kind, string Id)> Instances { get; } =
    [
        .. Expiring.Select(c => (WorkflowKinds.Certificate, c.Id)),
        .. AccidentCertificates.Select(id => (WorkflowKinds.Certificate, id)),
        .. AccidentCertificates.Select(id => (WorkflowKinds.Revocation, id)),
        (WorkflowKinds.Application, "app-fj-1"),
        (WorkflowKinds.SelfAssessment, "sa-nx-1"),
    ];

    /// <summary>The certificates that expire within the months the tests run.</summary>
    public static IEnumerable<string> ExpiringCertificates => Expiring.Select(c => c.Id);

    /// <summary>The certificates revoked for a fatal accident; each also names its revocation instance.</summary>
    public static IReadOnlyList<string> RevokedCertificates => AccidentCertificates;

    /// <summary>Starts every instance at <see cref="Start"/> through the test's own engine.</summary>
    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        var today = ShanghaiTime.DateOf(Start);
        foreach (var (id, province, region, grade, profile, validFor) in Expiring)
        {
            await IssueAsync(id, province, region, grade, profile, today.PlusDays(validFor), cancellationToken);
        }

        // Ningxia: any death reaches the threshold [001 art.21(3)]; Beijing level 3 under its profile: three.
        await IssueAsync("cert-nx-acc", "宁", "640104", Grade.Level2, "ningxia-2017", today.PlusYears(2), cancellationToken);
        await ApplyAsync(WorkflowKinds.Certificate, "cert-nx-acc", new AccidentReported("acc-nx", today.PlusDays(-1), 1, false), "accident", cancellationToken);
        await IssueAsync("cert-bj-acc", "京", "110105", Grade.Level3, "beijing-2015", today.PlusYears(2), cancellationToken);
        await ApplyAsync(WorkflowKinds.Certificate, "cert-bj-acc", new AccidentReported("acc-bj", today.PlusDays(-1), 3, false), "accident", cancellationToken);

        await StartAsync(
            WorkflowKinds.Application,
            "app-fj-1",
            new ApplicationSubmitted("app-fj-1", "fz-textile", "350102", Industries.IndustryTrade, Grade.SmallMicro, ApplicationKind.Initial, "fujian-2017", today),
            cancellationToken);
        await StartAsync(WorkflowKinds.SelfAssessment, "sa-nx-1", new SelfAssessmentYearOpened("nx-chem", "640104", Grade.Level3, today.Year, "ningxia-2017"), cancellationToken);
    }

    /// <summary>As one host would run it: the clock moves to <paramref name="to"/>, one sweep catches up, one worker drains the events.</summary>
    public async Task RunAloneUntilAsync(Instant to, CancellationToken cancellationToken)
    {
        clock.Reset(to);
        await Sweeper.CatchUpAsync(to, cancellationToken);
        var listener = await QueueListener.CreateAsync(Storage, WorkflowStorageNames.EventsQueue, Engine.HandleEventMessageAsync, cancellationToken: cancellationToken);
        var queue = await Storage.QueueAsync(WorkflowStorageNames.EventsQueue, cancellationToken);
        for (var round = 0; round < 1000; round++)
        {
            var received = await listener.ProcessBatchAsync(cancellationToken);
            if (received == 0 && (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount == 0)
            {
                return;
            }
        }

        throw new InvalidOperationException("The events queue did not drain.");
    }

    /// <summary>Waits until no event is queued or in flight, as several polls in a row see it.</summary>
    public async Task WaitUntilQuietAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var queue = await Storage.QueueAsync(WorkflowStorageNames.EventsQueue, cancellationToken);
        var deadline = DateTime.UtcNow + timeout;
        var quiet = 0;
        while (quiet < 3)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Events still queued after {timeout.TotalSeconds:0} s.");
            }

            var count = (await queue.GetPropertiesAsync(cancellationToken)).Value.ApproximateMessagesCount;
            quiet = count == 0 ? quiet + 1 : 0;
            await Task.Delay(150, cancellationToken);
        }
    }

    /// <summary>The status of every instance, keyed <c>kind/id</c>.</summary>
    public async Task<SortedDictionary<string, string>> StatusesAsync(CancellationToken cancellationToken)
    {
        var statuses = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, id) in Instances)
        {
            var status = await Engine.GetStatusAsync(kind, id, cancellationToken);
            statuses[$"{kind}/{id}"] = status is null ? "(missing)" : status.Failure is null ? status.Status : $"{status.Status} (poisoned)";
        }

        return statuses;
    }

    /// <summary>The event ids of every <c>TimerFired</c> each instance took, keyed <c>kind/id</c>.</summary>
    public async Task<Dictionary<string, List<string>>> TimerEventIdsAsync(CancellationToken cancellationToken)
    {
        var fired = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (kind, id) in Instances)
        {
            var ids = new List<string>();
            for (long? from = 1; from is { } next;)
            {
                var page = await Engine.GetHistoryAsync(kind, id, next, cancellationToken: cancellationToken);
                ids.AddRange(page.Entries.Where(e => e.EventType == nameof(TimerFired)).Select(e => e.EventId));
                from = page.NextSequence;
            }

            fired[$"{kind}/{id}"] = ids;
        }

        return fired;
    }

    private async Task IssueAsync(string id, string province, string region, Grade grade, string profile, LocalDate validThrough, CancellationToken cancellationToken)
    {
        var issuedOn = validThrough.PlusYears(-3).PlusDays(1);
        var number = new CertificateNumber(province, grade, issuedOn.Year, 1 + Array.IndexOf([.. Instances.Select(i => i.Id)], id)).ToString();
        await StartAsync(
            WorkflowKinds.Certificate,
            id,
            new CertificateIssued(id, number, "ent-" + id, region, grade, profile, issuedOn, validThrough, LicenceRequired: false),
            cancellationToken);
    }

    private async Task StartAsync(string kind, string id, WorkflowEvent start, CancellationToken cancellationToken)
    {
        var result = await Engine.StartAsync(kind, id, start, "start", "test", cancellationToken);
        Assert.True(result.Outcome == Outcome.Applied, $"{kind} {id} did not start: {result.Reason}");
    }

    private async Task ApplyAsync(string kind, string id, WorkflowEvent @event, string eventId, CancellationToken cancellationToken)
    {
        var result = await Engine.ApplyAsync(kind, id, @event, eventId, "test", cancellationToken);
        Assert.True(result.Outcome == Outcome.Applied, $"{eventId} on {kind} {id} was not applied: {result.Reason}");
    }
}
