using SafetyCert.Domain.Workflows;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Transitions per second through the lifecycle orchestration (WorkflowClient.ApplyAsync on certificate instances,
/// licence lapsed and renewed in turn) against the bare orchestration doing the same wait, two activities and
/// ContinueAsNew per event on the same worker, with the same number of instances each taking its events one after
/// another. Rounds alternate (bare, lifecycle, lifecycle, bare, …) so a warming or tiring Azurite favours neither.
/// </summary>
internal static class OverheadBenchmark
{
    private const int Instances = 32;
    private const int Pairs = 3;

    public static async Task RunAsync(BenchHost host, AzuriteProbe probe, Summary summary, string connectionString, string prefix, double scale)
    {
        var perInstance = Math.Max(2, 2 * (int)Math.Round(Math.Min(30 * scale, 10)));
        var ids = Enumerable.Range(0, Instances).Select(i => $"ov{i}").ToList();
        Report.Text($"1. transitions/s: {Instances} instances, each taking {perInstance} events in turn per round, {Pairs} rounds each side, alternated");

        await Certificates.AddContactsAsync(connectionString, prefix, ids);
        var starts = await probe.TimeAsync("lifecycle starts (certificate issued, 7 deadlines indexed)", Instances, () =>
            Certificates.StartAsync(host, ids, LicenceEvents.ValidThrough, Instances));
        await Task.WhenAll(ids.Select(id => host.Bare.StartAsync(id, $"start-{id}")));
        Report.Round(starts, "/s");

        var next = 0;
        var notApplied = 0;
        var lifecycle = new List<Round>();
        var bare = new List<Round>();
        var raises = 0L;
        var tableCalls = 0L;
        var drains = new List<double>();
        var mailsBefore = host.Log.MailsSent;
        foreach (var side in Enumerable.Range(0, Pairs * 2).Select(i => (i % 4) is 0 or 3 ? "bare" : "lifecycle"))
        {
            var first = next;
            next += perInstance;
            if (side == "bare")
            {
                var round = await probe.TimeAsync($"bare round {bare.Count + 1}", Instances * perInstance, () =>
                    Task.WhenAll(ids.Select(async id =>
                    {
                        for (var k = first; k < first + perInstance; k++)
                        {
                            await host.Bare.ApplyAsync(id, $"e{k}");
                        }
                    })));
                bare.Add(round);
                Report.Round(round, "transitions/s");
                continue;
            }

            var raisedBefore = host.Calls["RaiseEvent"];
            var tableCallsBefore = host.Tables.Requests;
            var lifecycleRound = await probe.TimeAsync($"lifecycle round {lifecycle.Count + 1}", Instances * perInstance, () =>
                Task.WhenAll(ids.Select(async id =>
                {
                    for (var k = first; k < first + perInstance; k++)
                    {
                        var result = await host.Workflows.ApplyAsync(WorkflowKinds.Certificate, id, LicenceEvents.For(k), $"e{k}", "bench");
                        if (result.Outcome != Outcome.Applied)
                        {
                            Interlocked.Increment(ref notApplied);
                        }
                    }
                })));
            raises += host.Calls["RaiseEvent"] - raisedBefore;
            tableCalls += host.Tables.Requests - tableCallsBefore;
            lifecycle.Add(lifecycleRound);
            Report.Round(lifecycleRound, "transitions/s");

            // Each applied event mails the enterprise once; let the sender finish so the next round starts quiet.
            var expected = mailsBefore + (lifecycle.Count * Instances * perInstance);
            drains.Add(await Mail.WaitForSentAsync(host.Log, expected, TimeSpan.FromMinutes(5)));
        }

        var ours = Report.Median(lifecycle, out var oursNote);
        var floor = Report.Median(bare, out var bareNote);
        var transitions = lifecycle.Sum(r => r.Count);
        Report.Line("lifecycle orchestration via ApplyAsync, median", ours, $"transitions/s ({oursNote})");
        Report.Line("bare orchestration, same awaits and activities, median", floor, $"transitions/s ({bareNote})");
        Report.Line("overhead ratio: bare / lifecycle", floor / ours, "x");
        summary.Add("lifecycle", "lifecycle transitions/s (32 instances, ApplyAsync)", ours, $"/s ({oursNote})");
        summary.Add("bare", "bare orchestration transitions/s (same shape)", floor, $"/s ({bareNote})");
        summary.Add("overhead", "overhead ratio bare / lifecycle", floor / ours, "x");
        Report.Line("lifecycle events not applied (expected 0)", notApplied, "");
        Report.Line("RaiseEvent calls per lifecycle event (1 = no re-raise)", (double)raises / transitions, "");
        Report.Line("app table requests per lifecycle event (writes, client polling)", (double)tableCalls / transitions, "");
        Report.Line("bare re-raises per event", (double)host.Bare.Resends / bare.Sum(r => r.Count), "");
        Report.Line($"e-mails sent for the lifecycle rounds (expected {transitions:N0})", host.Log.MailsSent - mailsBefore, "");
        Report.Line("mail tail after a lifecycle round, longest", drains.Max(), "s");
    }
}
