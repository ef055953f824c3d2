using SafetyCert.Domain.Workflows;
using SafetyCert.Host.Tests.Notifications;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// Kill -9 of a host at a random point of 100 lifecycles in flight, restart, and every workflow
/// ends as in a run without the crash and no notice goes out twice; several hosts on one task hub give the same outcome
/// as one host alone.
/// </summary>
public sealed class HostCrashTests(LocalServices services)
{
    private const int Hosts = 2;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_hosts_on_one_task_hub_with_one_killed_and_restarted_end_every_lifecycle_as_one_host_alone_and_send_no_notice_twice()
    {
        var plan = CrashPlan.Draw(Hosts);
        TestContext.Current.TestOutputHelper?.WriteLine($"Crash plan: {plan}");
        var start = LifecycleScenario.Tomorrow();

        // The two runs share nothing but Azurite and MailDev (each has its own prefix, task hub and mailboxes). One after
        // the other, each host gone before the next run: on two cores, side by side they would only starve each other.
        RunResult alone;
        await using (var aloneRun = new LifecycleRun("alone", services.Azurite.ConnectionString, services.MailDev, start))
        {
            alone = await Guard(aloneRun, aloneRun.RunAsync(1, crash: null, Ct), plan);
        }

        RunResult crash;
        await using (var crashRun = new LifecycleRun("crash", services.Azurite.ConnectionString, services.MailDev, start))
        {
            crash = await Guard(crashRun, crashRun.RunAsync(Hosts, plan, Ct), plan);
        }

        foreach (var (run, result) in new[] { ("alone", alone), ("crash", crash) }.Where(r => r.Item2.StrandedActivityMessages.Count > 0))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{run}: {result.StrandedActivityMessages.Count} activity message(s) never deleted after their lock lapsed: {string.Join(", ", result.StrandedActivityMessages)}");
        }

        AssertTheScenarioRan(alone);
        Assert.Empty(alone.EventsAppliedTwice);
        Assert.All(alone.Mail, m => Assert.True(m.Value == 1, $"Delivery {m.Key} was e-mailed {m.Value} times by the lone host."));

        // The crashed run: the same final state of every instance and the same ledger, each event applied once.
        Assert.True(crash.Outcomes.SequenceEqual(alone.Outcomes), $"{plan}\n{Differences(alone.Outcomes, crash.Outcomes)}");
        Assert.True(crash.EventsAppliedTwice.Count == 0, $"{plan}\n{string.Join('\n', crash.EventsAppliedTwice)}");
        Assert.Equal(alone.TimersFired, crash.TimersFired);
        Assert.True(crash.Deliveries.SequenceEqual(alone.Deliveries), $"{plan}\n{Differences(alone.Deliveries, crash.Deliveries)}");

        // Every notice e-mailed once. The one re-send the design allows: a delivery whose sender was killed between the relay
        // accepting it and the ledger recording it goes out again with the same Message-ID, which mail clients fold into one.
        var sent = crash.Deliveries.Where(d => d.Value == "Sent").Select(d => d.Key).ToList();
        Assert.All(sent, id => Assert.True(crash.Mail.ContainsKey(id), $"{plan}\nDelivery {id} is recorded as sent but MailDev has no e-mail for it."));
        var twice = crash.Mail.Where(m => m.Value > 1).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{crash.Mail.Count} deliveries e-mailed; {crash.ResentAfterDeadSender.Count} re-sent after the killed host's send; {twice.Count} e-mailed more than once");
        Assert.All(twice, m => Assert.True(
            m.Value == 2 && crash.ResentAfterDeadSender.Contains(m.Key),
            $"{plan}\nDelivery {m.Key} was e-mailed {m.Value} times{(crash.ResentAfterDeadSender.Contains(m.Key) ? " (its sender was killed mid-send)" : ", and no sender died while sending it")}."));
    }

    /// <summary>The lone run went where the scenario leads, so the comparison compares something (RULES.md §5–§7).</summary>
    private static void AssertTheScenarioRan(RunResult alone)
    {
        Assert.Equal(LifecycleScenario.Instances.Count, alone.Outcomes.Count);
        Assert.DoesNotContain(alone.Outcomes.Values, o => o == "(missing)");
        string Status(string kind, string id) => alone.Outcomes[$"{kind}/{id}"].Split(' ')[0];

        // Expiry after the last valid day [000 §3(4)], with or without a renewal pending.
        Assert.All(Enumerable.Range(0, 50), i => Assert.Equal("Expired", Status(WorkflowKinds.Certificate, $"exp-{i:D2}")));

        // A fatal accident revokes [001 art.21(3)]; the organization is reminded until both items are back.
        Assert.All(Enumerable.Range(0, 15), i => Assert.Equal("Revoked", Status(WorkflowKinds.Certificate, $"rev-{i:D2}")));
        Assert.All(Enumerable.Range(0, 10), i => Assert.Equal("BanRunning", Status(WorkflowKinds.Revocation, $"rev-{i:D2}")));
        Assert.All(Enumerable.Range(10, 5), i => Assert.Equal("Recalling", Status(WorkflowKinds.Revocation, $"rev-{i:D2}")));

        // Suspended while the licence is lapsed, restored when it is renewed [001 art.16].
        Assert.All(Enumerable.Range(0, 20), i => Assert.Equal(i % 2 == 0 ? "Active" : "Suspended", Status(WorkflowKinds.Certificate, $"lic-{i:D2}")));

        // Weekly recall reminders for three months, the renewal reminders, the expiries and the overdue follow-up visits.
        Assert.InRange(alone.TimersFired, 250, 1_000);
        Assert.Contains(alone.Deliveries.Values, s => s == "Sent");
        Assert.Equal(alone.Deliveries.Count(d => d.Value == "Sent"), alone.Mail.Count);
    }

    private static string Differences(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual) =>
        string.Join('\n', expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal)
            .Where(k => expected.GetValueOrDefault(k) != actual.GetValueOrDefault(k))
            .Select(k => $"{k}:\n  alone: {expected.GetValueOrDefault(k) ?? "(none)"}\n  crash: {actual.GetValueOrDefault(k) ?? "(none)"}"));

    /// <summary>A run that fails says which plan it ran under and what the hosts printed last.</summary>
    private static async Task<RunResult> Guard(LifecycleRun run, Task<RunResult> running, CrashPlan plan)
    {
        try
        {
            return await running;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"{plan}\n{e.Message}\n{string.Join('\n', run.Log)}\n{run.HostOutput()}", e);
        }
    }
}
