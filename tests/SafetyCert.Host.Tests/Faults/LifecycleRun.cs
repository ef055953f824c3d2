using System.Diagnostics;
using System.Text.RegularExpressions;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Ledger;
using SafetyCert.Host.Tests.Support;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// One run of <see cref="LifecycleScenario"/> under its own storage prefix and task hub: <c>serve</c> child processes do
/// the work, the test moves their development clocks step by step and sends the outside world's events through a
/// <see cref="ClientHost"/>, and a <see cref="CrashPlan"/> may kill one host with SIGKILL at one moment and start it again
/// under the same worker id. The result is what the instances and the notification ledger ended with.
/// </summary>
internal sealed partial class LifecycleRun : IAsyncDisposable
{
    /// <summary>Generous: a busy two-core machine may be slow, and nothing here measures speed.</summary>
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromMinutes(3);

    private readonly string name;
    private readonly string connectionString;
    private readonly MailDev mailDev;
    private readonly LifecycleScenario scenario;
    private readonly List<HostProcess> everyHost = [];
    private readonly List<HostProcess> live = [];
    private readonly Dictionary<HostProcess, int> slots = [];
    private readonly Stopwatch elapsed = Stopwatch.StartNew();
    private readonly List<string> log = [];
    private ClientHost? client;
    private WorkQueues? queues;

    public LifecycleRun(string name, string connectionString, MailDev mailDev, Instant start)
    {
        this.name = name;
        this.connectionString = connectionString;
        this.mailDev = mailDev;
        scenario = new LifecycleScenario(start);
        Prefix = AzuriteFixture.NewPrefix();
    }

    public string Prefix { get; }

    /// <summary>What happened when, for the test output.</summary>
    public IReadOnlyList<string> Log => log;

    /// <summary>Runs the scenario on <paramref name="hostCount"/> hosts, killing one as <paramref name="crash"/> says.</summary>
    public async Task<RunResult> RunAsync(int hostCount, CrashPlan? crash, CancellationToken cancellationToken)
    {
        try
        {
            return await RunScenarioAsync(hostCount, crash, cancellationToken);
        }
        catch (TimeoutException e) when (StuckInstance().Match(e.Message) is { Success: true } stuck)
        {
            // The client gave up on an instance: say what Durable holds about it.
            var durableId = $"{stuck.Groups[1].Value}:{stuck.Groups[2].Value}";
            throw new TimeoutException($"{e.Message}\n{await TaskHubRecords.DescribeAsync(connectionString, client!.TaskHub, durableId, cancellationToken)}", e);
        }
    }

    private async Task<RunResult> RunScenarioAsync(int hostCount, CrashPlan? crash, CancellationToken cancellationToken)
    {
        client = await ClientHost.StartAsync(connectionString, Prefix, scenario.Start, cancellationToken);
        queues = new WorkQueues(connectionString, Prefix);
        await LifecycleScenario.SaveContactsAsync(client, cancellationToken);
        var started = await Task.WhenAll(Enumerable.Range(0, hostCount).Select(i => StartHostAsync(i, scenario.Start, cancellationToken)));
        live.AddRange(started);
        Note($"{hostCount} host(s) up");

        await WithCrashAsync(crash, 0, duringEvents: false, () => scenario.StartAllAsync(client, cancellationToken), cancellationToken);
        await queues.WaitUntilQuietAsync(QuietTimeout, cancellationToken);
        Note($"instances started{Stranded()}");

        for (var step = 1; step <= LifecycleScenario.Steps; step++)
        {
            var to = scenario.At(step);
            var fired = 0;
            await WithCrashAsync(crash, step, duringEvents: false, async () => fired = await MoveClocksAsync(to, cancellationToken), cancellationToken);
            await queues.WaitUntilQuietAsync(QuietTimeout, cancellationToken);
            var current = step;
            await WithCrashAsync(crash, step, duringEvents: true, () => scenario.SendStepEventsAsync(client, current, cancellationToken), cancellationToken);
            await queues.WaitUntilQuietAsync(QuietTimeout, cancellationToken);
            Note($"step {step} ({to}): sweeps fired {fired} timers{Stranded()}");
        }

        await SettleDeliveriesAsync(cancellationToken);
        var result = new RunResult(
            await StableOutcomesAsync(cancellationToken),
            await LifecycleScenario.EventsAppliedTwiceAsync(client, cancellationToken),
            await LifecycleScenario.TimersFiredAsync(client, cancellationToken),
            await DeliveriesAsync(cancellationToken),
            await MailAsync(cancellationToken),
            ResentAfterDeadSender(),
            [.. everyHost.SelectMany(h => StrandedLine().Matches(h.Output)).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)]);
        Note($"done: {result.TimersFired} timer firings applied, {result.Deliveries.Count} deliveries, {result.Mail.Values.Sum()} e-mails");
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in everyHost)
        {
            await host.DisposeAsync();
        }

        if (client is not null)
        {
            await client.DisposeAsync();
        }
    }

    /// <summary>The last lines every host printed, for a failure message.</summary>
    public string HostOutput(int lines = 40) => string.Join(
        Environment.NewLine,
        everyHost.Select(h => $"--- {h.Name}{(h.HasExited ? " (exited)" : "")} ---{Environment.NewLine}{string.Join(Environment.NewLine, h.Output.Split('\n').TakeLast(lines))}"));

    private async Task<HostProcess> StartHostAsync(int slot, Instant clockStart, CancellationToken cancellationToken)
    {
        // One worker id per host slot: a host started again in its slot takes its partitions back at once.
        var workerId = $"host-{(char)('a' + slot)}";
        int generation;
        lock (slots)
        {
            generation = slots.Count(s => s.Value == slot) + 1;
        }

        var host = await HostProcess.StartAsync(
            $"{name}/{workerId}#{generation}",
            HostProcess.Environment(connectionString, Prefix, workerId, clockStart, mailDev.SmtpPort),
            cancellationToken);
        lock (slots)
        {
            slots[host] = slot;
            everyHost.Add(host);
        }

        return host;
    }

    private async Task<int> MoveClocksAsync(Instant to, CancellationToken cancellationToken)
    {
        var moves = live.Select(h => (Host: h, Move: h.MoveClockAsync(to, cancellationToken))).ToList();
        var fired = 0;
        foreach (var (host, move) in moves)
        {
            try
            {
                fired += await move;
            }
            catch (HttpRequestException) when (host.Killed)
            {
                // The host killed during this jump.
            }
        }

        return fired;
    }

    /// <summary>Runs <paramref name="work"/>; when the plan says this is the moment, kills a host part-way and starts it again.</summary>
    private async Task WithCrashAsync(CrashPlan? crash, int step, bool duringEvents, Func<Task> work, CancellationToken cancellationToken)
    {
        if (crash is null || crash.Step != step || crash.DuringEvents != duringEvents)
        {
            await work();
            return;
        }

        var running = work();
        await Task.WhenAny(running, Task.Delay(crash.Delay, cancellationToken));
        var victim = live[crash.Victim % live.Count];
        var finished = running.IsCompleted;
        victim.Kill();
        live.Remove(victim);
        Note($"killed {victim.Name} ({(finished ? "after" : "during")} the work)");

        // Started again under the same worker id, at the business time the others are moving to.
        var restarted = await StartHostAsync(slots[victim], step == 0 ? scenario.Start : scenario.At(step), cancellationToken);
        Note($"restarted as {restarted.Name}");
        await running;
        if (step > 0)
        {
            await restarted.MoveClockAsync(scenario.At(step), cancellationToken);
        }

        live.Add(restarted);
    }

    /// <summary>
    /// Lets every delivery reach its end: a send abandoned by a killed host is taken up by the notification catch-up once its
    /// claim is older than the sending lease, on the business clock, so the clocks are moved on a few minutes at a time.
    /// </summary>
    private async Task SettleDeliveriesAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var open = (await DeliveriesAsync(cancellationToken)).Where(d => d.Value is not (nameof(DeliveryStatus.Sent) or nameof(DeliveryStatus.Failed) or nameof(DeliveryStatus.Undeliverable))).ToList();
            if (open.Count == 0)
            {
                return;
            }

            Assert.True(deadline.Elapsed < QuietTimeout, $"Deliveries not settled: {string.Join(", ", open.Select(d => $"{d.Key} {d.Value}"))}");
            foreach (var host in live)
            {
                await host.AdvanceClockAsync("PT10M", cancellationToken);
            }

            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            await queues!.WaitUntilQuietAsync(QuietTimeout, cancellationToken);
        }
    }

    /// <summary>Every delivery of the scenario's instances in the ledger: id → status.</summary>
    private async Task<SortedDictionary<string, string>> DeliveriesAsync(CancellationToken cancellationToken)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var ever = (From: new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero), To: new DateTimeOffset(3000, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await foreach (var delivery in client!.Ledger.CreatedBetweenAsync(ever.From, ever.To, cancellationToken))
        {
            // The scenario's notices; not those of the hosts' own yearly jobs (the holiday-arrangement check in December).
            if (delivery.WorkflowKind is WorkflowKinds.Certificate or WorkflowKinds.Revocation)
            {
                rows[delivery.Id] = delivery.Status.ToString();
            }
        }

        return rows;
    }

    /// <summary>E-mails MailDev received for this run's mailboxes, counted per delivery id (header <c>X-SafetyCert-Delivery</c>).</summary>
    private async Task<Dictionary<string, int>> MailAsync(CancellationToken cancellationToken)
    {
        var suffix = $".{Prefix}@example.cn";
        var sent = (await DeliveriesAsync(cancellationToken)).Count(d => d.Value == nameof(DeliveryStatus.Sent));
        var deadline = Stopwatch.StartNew();
        Dictionary<string, int> mail;
        while (true)
        {
            mail = (await mailDev.GetEmailsAsync(cancellationToken))
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString()!.EndsWith(suffix, StringComparison.Ordinal)))
                .GroupBy(m => m.GetProperty("headers").GetProperty("x-safetycert-delivery").GetString()!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

            // MailDev stores what it accepted asynchronously; a second copy arriving late is counted too.
            if (mail.Count >= sent || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                await Task.Delay(500, cancellationToken);
                return mail;
            }

            await Task.Delay(250, cancellationToken);
        }
    }

    /// <summary>The final outcomes, read until two reads a few seconds apart agree.</summary>
    private async Task<SortedDictionary<string, string>> StableOutcomesAsync(CancellationToken cancellationToken)
    {
        var outcomes = await LifecycleScenario.OutcomesAsync(client!, cancellationToken);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken);
            var again = await LifecycleScenario.OutcomesAsync(client!, cancellationToken);
            if (again.SequenceEqual(outcomes) || deadline.Elapsed > QuietTimeout)
            {
                return again;
            }

            outcomes = again;
        }
    }

    private string Stranded() => queues!.Stranded == 0 ? "" : $" ({queues.Stranded} activity message(s) stranded)";

    /// <summary>Deliveries a host sent again because their sender died mid-send (the designed re-send, with the same Message-ID).</summary>
    private HashSet<string> ResentAfterDeadSender() =>
        [.. everyHost.SelectMany(h => ResendingLine().Matches(h.Output)).Select(m => m.Groups[1].Value)];

    private void Note(string what)
    {
        var line = $"[{name} {elapsed.Elapsed.TotalSeconds,6:0.0} s] {what}";
        lock (log)
        {
            log.Add(line);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }

    [GeneratedRegex(@"The (\S+) instance '([^']+)'")]
    private static partial Regex StuckInstance();

    [GeneratedRegex(@"Delivery (\S+) was left mid-send")]
    private static partial Regex ResendingLine();

    [GeneratedRegex(@"Work item queue message with ID = (\S+) is being processed multiple times concurrently")]
    private static partial Regex StrandedLine();
}
