using System.Diagnostics;
using NodaTime;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Host.Tests.Notifications;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// Azurite stopped with SIGSTOP for 30 s while a host sweeps deadlines and sends
/// notices, then resumed. Nothing is lost (every certificate ends as its rules say, each deadline applied once, each notice
/// e-mailed once), and every listener keeps running: Durable's dispatchers take a new event, the notification queue
/// listener delivers a notice raised after the stall, and the timer trigger runs its sweep again.
/// </summary>
public sealed class StorageStallTests(LocalServices services)
{
    private const string Profile = "ningxia-2017";
    private const string Region = "640104";
    private const int Certificates = 20;
    private const int Steps = 6;
    private static readonly Duration Step = Duration.FromDays(15);
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QuietTimeout = TimeSpan.FromMinutes(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Azurite_frozen_for_30_seconds_mid_sweep_loses_nothing_and_every_listener_keeps_running()
    {
        var start = LifecycleScenario.Tomorrow();
        var startDate = ShanghaiTime.DateOf(start);
        await using var azurite = await PausableAzurite.StartAsync();
        var prefix = AzuriteFixture.NewPrefix();
        await using var client = await ClientHost.StartAsync(azurite.ConnectionString, prefix, start, Ct);
        var environment = HostProcess.Environment(azurite.ConnectionString, prefix, "host-a", start, services.MailDev.SmtpPort);
        environment["Logging__LogLevel__SafetyCert.Host.Local.TimerTriggerService"] = "Information";
        await using var host = await HostProcess.StartAsync("stall/host-a", environment, Ct);
        var queues = new WorkQueues(azurite.ConnectionString, prefix);
        var elapsed = Stopwatch.StartNew();
        void Note(string what) => TestContext.Current.TestOutputHelper?.WriteLine($"[stall {elapsed.Elapsed.TotalSeconds,6:0.0} s] {what}");

        var certificates = Enumerable.Range(0, Certificates).Select(i => (Id: $"st-{i:D2}", ValidThrough: startDate.PlusDays(10 + (3 * i)))).ToList();
        foreach (var (id, _) in certificates.Append(("st-licensed", default)))
        {
            await client.Contacts.SaveAsync($"enterprise:ent-{id}", Contact.Email(1, LifecycleScenario.Mailbox($"ent-{id}", prefix)), Ct);
        }

        await Parallel.ForEachAsync(certificates, Ct, async (c, ct) => await IssueAsync(client, c.Id, c.ValidThrough, licenceRequired: false, start, ct));
        await IssueAsync(client, "st-licensed", startDate.PlusYears(2), licenceRequired: true, start, Ct);
        await queues.WaitUntilQuietAsync(QuietTimeout, Ct);
        Note("instances started");

        // The stall: while the host sweeps the first jump, once its work is under way (whatever the machine's speed).
        var sweeping = host.MoveClockAsync(start + Step, Ct);
        while (await queues.PendingAsync(Ct) == 0 && !sweeping.IsCompleted)
        {
            await Task.Delay(50, Ct);
        }

        await azurite.StopAsync();
        Note($"Azurite stopped (SIGSTOP) with the sweep {(sweeping.IsCompleted ? "answered" : "still running")}");
        Assert.False(sweeping.IsCompleted, "The sweep ended before any of its work was queued, so the stall would not hit it.");
        await Task.Delay(Stall, Ct);
        await azurite.ResumeAsync();
        var resumedAt = host.Output.Length;
        Note("Azurite resumed (SIGCONT)");
        await sweeping;
        await queues.WaitUntilQuietAsync(QuietTimeout, Ct);
        Note($"step 1 quiet{(queues.Stranded > 0 ? $", {queues.Stranded} activity message(s) stranded" : "")}");

        // Durable's dispatchers after the stall: a new event is taken and its notice goes out through the queue listener.
        client.Clock.Reset(start + Step);
        var lapse = await client.Workflows.ApplyAsync(
            WorkflowKinds.Certificate, "st-licensed", new LicenceLapsed(ShanghaiTime.DateOf(start + Step)), "lapse", "fault-test", (start + Step).ToDateTimeOffset(), Ct);
        Assert.Equal(Outcome.Applied, lapse.Outcome);
        Assert.Equal("Suspended", lapse.Status);

        for (var step = 2; step <= Steps; step++)
        {
            await host.MoveClockAsync(start + (Step * step), Ct);
            await queues.WaitUntilQuietAsync(QuietTimeout, Ct);
            Note($"step {step} quiet");
        }

        // Every certificate as its rules say: reminders on the profile's days before the last valid day, expiry after it
        // (RULES.md §5–§6 [000 §3(4)]), the follow-up visit overdue from the start; each applied once.
        var profile = ProfileCatalog.Embedded.Get(Profile, startDate);
        var problems = new List<string>();
        foreach (var (id, validThrough) in certificates)
        {
            var status = await client.Workflows.GetStatusAsync(WorkflowKinds.Certificate, id, Ct);
            var history = await client.Workflows.GetHistoryAsync(WorkflowKinds.Certificate, id, cancellationToken: Ct);
            var fired = history.Entries.Where(e => e.EventType == nameof(TimerFired) && e.Outcome == Outcome.Applied).Select(e => e.EventId.Split('|')[1]).ToList();
            var reminders = RenewalTimers(profile, validThrough, start);
            string[] expected = [.. reminders, CertificateWorkflow.ExpiryTimer, CertificateWorkflow.FollowUpOverdueTimer];
            if (status?.Status != "Expired" || !fired.Order(StringComparer.Ordinal).SequenceEqual(expected.Order(StringComparer.Ordinal)))
            {
                problems.Add($"{id}: {status?.Status ?? "(missing)"}, fired [{string.Join(", ", fired)}], expected [{string.Join(", ", expected)}]");
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));

        // Every notice to the enterprises e-mailed once: each reminder, each expiry, and the suspension sent after the stall.
        var expectedMail = certificates.Sum(c => RenewalTimers(profile, c.ValidThrough, start).Count + 1) + 1;
        var mail = await MailAsync(prefix, expectedMail);
        Assert.All(mail, m => Assert.True(m.Value == 1, $"Delivery {m.Key} was e-mailed {m.Value} times."));
        Assert.Equal(expectedMail, mail.Count);

        // The timer trigger ran its sweep after the stall, on its own schedule (the clock jumps make it due at once).
        await EventuallyAsync(
            () => host.Output[resumedAt..].Contains("Timer TimerSweep finished the run", StringComparison.Ordinal),
            "the TimerSweep trigger to run after the stall",
            host);
        // What the host went through, for the record: each kind of warning and error it logged after the stall.
        var after = host.Output[resumedAt..].Split('\n').Where(l => l.StartsWith("warn:", StringComparison.Ordinal) || l.StartsWith("fail:", StringComparison.Ordinal));
        Note($"checked; after the stall the host logged {string.Join(", ", after.GroupBy(l => l.Trim()).Select(g => $"{g.Count()}× {g.Key}"))}");
    }

    /// <summary>The renewal timers a certificate valid through <paramref name="validThrough"/> sets when issued at <paramref name="start"/>.</summary>
    private static List<string> RenewalTimers(JurisdictionProfile profile, LocalDate validThrough, Instant start)
    {
        var dates = CertificateWorkflow.RenewalReminderDates(profile, validThrough);
        var ids = new List<string> { CertificateWorkflow.RenewalWindowTimer };
        ids.AddRange(profile.RenewalReminderDays.Value.OrderDescending().Select(d => CertificateWorkflow.RenewalReminderTimerPrefix + d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return [.. ids.Where((_, i) => ShanghaiTime.ReminderOn(dates[i]) > start)];
    }

    private static async Task IssueAsync(ClientHost client, string id, LocalDate validThrough, bool licenceRequired, Instant at, CancellationToken cancellationToken)
    {
        var issuedOn = validThrough.PlusYears(-3).PlusDays(1);
        var number = new CertificateNumber("宁", Grade.Level2, issuedOn.Year, 1 + Math.Abs(id.GetHashCode(StringComparison.Ordinal) % 999_000)).ToString();
        var result = await client.Workflows.StartAsync(
            WorkflowKinds.Certificate,
            id,
            new CertificateIssued(id, number, $"ent-{id}", Region, Grade.Level2, Profile, issuedOn, validThrough, licenceRequired),
            "issue",
            "fault-test",
            at.ToDateTimeOffset(),
            cancellationToken);
        Assert.True(result.Outcome == Outcome.Applied, $"{id} did not start: {result.Reason}");
    }

    /// <summary>E-mails to this test's mailboxes, per delivery id, once at least <paramref name="expected"/> distinct ones arrived (or a deadline passed).</summary>
    private async Task<Dictionary<string, int>> MailAsync(string prefix, int expected)
    {
        var suffix = $".{prefix}@example.cn";
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var mail = (await services.MailDev.GetEmailsAsync(Ct))
                .Where(m => m.GetProperty("to").EnumerateArray().Any(t => t.GetProperty("address").GetString()!.EndsWith(suffix, StringComparison.Ordinal)))
                .GroupBy(m => m.GetProperty("headers").GetProperty("x-safetycert-delivery").GetString()!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            if (mail.Count >= expected || deadline.Elapsed > TimeSpan.FromSeconds(60))
            {
                // A second copy arriving late would still be counted.
                await Task.Delay(500, Ct);
                return mail;
            }

            await Task.Delay(250, Ct);
        }
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what, HostProcess host)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), $"Timed out waiting for {what}. Host output:\n{host.Output}");
            await Task.Delay(250, Ct);
        }
    }
}
