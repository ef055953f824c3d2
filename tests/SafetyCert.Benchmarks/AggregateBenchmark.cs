using System.Diagnostics;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Aggregate transitions per second over 1,000 instances all holding an event: each round raises one event into every
/// instance (WorkflowClient.RaiseAsync, 16 at a time, as the sweep fires), and is timed until every transition has
/// mailed its enterprise, which happens once its effects are carried out. Then every event is confirmed
/// (WorkflowClient.ConfirmAsync, which raises again what is not recorded). Raising once keeps the client's own
/// re-raising out of the figure: ApplyAsync with 1,000 calls in flight re-raises every event each second and polls
/// the audit table four times a second per call, which swamps Azurite.
/// </summary>
internal static class AggregateBenchmark
{
    private const int Rounds = 2;
    private const int RaiseParallelism = 16;
    private static readonly TimeSpan NoProgress = TimeSpan.FromSeconds(60);

    public static async Task RunAsync(BenchHost host, AzuriteProbe probe, Summary summary, string connectionString, string prefix, double scale)
    {
        var instances = (int)Math.Clamp(20_000 * scale, 100, 1_000);
        var ids = Enumerable.Range(0, instances).Select(i => $"ag{i}").ToList();
        Report.Text($"2. aggregate transitions/s: {instances:N0} instances, one event raised into each per round, {Rounds} rounds");

        await Certificates.AddContactsAsync(connectionString, prefix, ids);
        var starts = await probe.TimeAsync("starts, 32 at a time, each waiting until recorded", instances, () =>
            Certificates.StartAsync(host, ids, LicenceEvents.ValidThrough, 32));
        Report.Round(starts, "starts/s");

        var rounds = new List<Round>();
        var notApplied = 0;
        var lost = 0;
        var raisedBefore = host.Calls["RaiseEvent"];
        var tableCallsBefore = host.Tables.Requests;
        for (var k = 0; k < Rounds; k++)
        {
            var @event = LicenceEvents.For(k);
            var deliveries = new Delivery[instances];
            var mailed = host.Log.MailsSent + instances;
            var round = await probe.TimeAsync($"round {k + 1}: {@event.GetType().Name}", instances, async () =>
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, instances), new ParallelOptions { MaxDegreeOfParallelism = RaiseParallelism }, async (i, ct) =>
                    deliveries[i] = await host.Workflows.RaiseAsync(WorkflowKinds.Certificate, ids[i], @event, $"e{k}", "bench", host.Clock.GetCurrentInstant().ToDateTimeOffset(), ct));
                await UntilMailedAsync(host.Log, mailed);
            });
            rounds.Add(round);
            Report.Round(round, "transitions/s");

            var (refused, raisedAgain) = await ConfirmAsync(host, deliveries);
            notApplied += refused;
            lost += raisedAgain;
        }

        var transitions = rounds.Sum(r => r.Count);
        var median = Report.Median(rounds, out var note);
        Report.Line($"aggregate over {instances:N0} instances, median", median, $"transitions/s ({note})");
        summary.Add("aggregate", $"aggregate transitions/s over {instances:N0} instances", median, $"/s ({note})");
        Report.Line("events refused (expected 0)", notApplied, "");
        Report.Line("events raised once but not taken, found by confirming (expected 0)", lost, "");
        Report.Line("RaiseEvent calls per event", (double)(host.Calls["RaiseEvent"] - raisedBefore) / transitions, "");
        Report.Line("app table requests per event (audit, projection, ledger, confirm)", (double)(host.Tables.Requests - tableCallsBefore) / transitions, "");
    }

    /// <summary>Waits until the host has sent <paramref name="expected"/> e-mails in all, or nothing moved for a minute.</summary>
    private static async Task UntilMailedAsync(HostLog log, long expected)
    {
        var quiet = Stopwatch.StartNew();
        var seen = log.MailsSent;
        while (log.MailsSent < expected && quiet.Elapsed < NoProgress)
        {
            await Task.Delay(50);
            if (log.MailsSent != seen)
            {
                seen = log.MailsSent;
                quiet.Restart();
            }
        }
    }

    /// <summary>Confirms every event, as a sender must before it forgets one; counts refusals and events raised again.</summary>
    private static async Task<(int Refused, int RaisedAgain)> ConfirmAsync(BenchHost host, Delivery[] deliveries)
    {
        var refused = 0;
        var again = new HashSet<string>(StringComparer.Ordinal);
        var pending = deliveries.ToList();
        while (pending.Count > 0)
        {
            var still = new System.Collections.Concurrent.ConcurrentBag<Delivery>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = RaiseParallelism }, async (delivery, ct) =>
            {
                if (await host.Workflows.ConfirmAsync(delivery, ct) is not { } result)
                {
                    still.Add(delivery);
                }
                else if (result.Outcome != Outcome.Applied)
                {
                    Interlocked.Increment(ref refused);
                }
            });
            pending = [.. still];
            again.UnionWith(pending.Select(d => d.InstanceId));
            if (pending.Count > 0)
            {
                await Task.Delay(1000);
            }
        }

        return (refused, again.Count);
    }
}
