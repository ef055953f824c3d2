using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Tests.Support;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Tests.Workflows;

/// <summary>The lifecycle orchestration around the certificate decider, on the real Durable engine with the activities' tables on Azurite.</summary>
public sealed class LifecycleOrchestrationTests(AzuriteFixture azurite)
{
    private static readonly Instant Now = Instant.FromUtc(2026, 1, 5, 2, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CertificateIssued Issued(string id) =>
        new(id, "宁AQBⅡ2026000001", "91640104MA7N00001M", "640100", Grade.Level2, "national-non-coal-mine-2017",
            new LocalDate(2026, 1, 5), new LocalDate(2029, 1, 4), LicenceRequired: true);

    [Fact]
    public async Task A_started_certificate_is_projected_audited_and_has_its_renewal_deadline_in_the_due_index()
    {
        await using var harness = await DurableHarness.StartAsync(azurite, Now);

        var started = await harness.Workflows.StartAsync(WorkflowKinds.Certificate, "c-1", Issued("c-1"), "issue-c-1", "regulator", Ct);

        Assert.Equal(Outcome.Applied, started.Outcome);
        var status = await harness.Workflows.GetStatusAsync(WorkflowKinds.Certificate, "c-1", Ct);
        Assert.NotNull(status);
        Assert.Equal("Active", status.Status);
        Assert.Equal("Running", status.RuntimeStatus);
        Assert.NotEmpty(status.PendingTimers);
        var history = await harness.Workflows.GetHistoryAsync(WorkflowKinds.Certificate, "c-1", cancellationToken: Ct);
        var entry = Assert.Single(history.Entries);
        Assert.Equal(nameof(CertificateIssued), entry.EventType);
        Assert.Equal("regulator", entry.Actor);
        // A deadline already due is taken by the instance at once; every later one waits as a row of the due index.
        var table = await harness.Get<DueIndex>().TableAsync(Ct);
        var rows = await table.QueryAsync("InstanceId eq 'c-1'", cancellationToken: Ct).ToListAsync(Ct);
        Assert.Equal(
            status.PendingTimers.Where(t => t.DueAt > Now).Select(t => t.Token).Order(StringComparer.Ordinal),
            rows.Select(r => r.GetString("Token")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Events_across_generations_keep_one_audit_sequence_and_a_repeated_event_id_is_applied_once()
    {
        await using var harness = await DurableHarness.StartAsync(azurite, Now);
        await harness.Workflows.StartAsync(WorkflowKinds.Certificate, "c-2", Issued("c-2"), "issue-c-2", "regulator", Ct);

        var lapsed = await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, "c-2", new LicenceLapsed(new LocalDate(2026, 2, 1)), "lapse-1", "regulator", Ct);
        var again = await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, "c-2", new LicenceLapsed(new LocalDate(2026, 2, 1)), "lapse-1", "regulator", Ct);
        var renewed = await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, "c-2", new LicenceRenewed(new LocalDate(2026, 2, 10), new LocalDate(2029, 2, 10)), "renew-1", "regulator", Ct);

        Assert.Equal(Outcome.Applied, lapsed.Outcome);
        Assert.True(again.Duplicate);
        Assert.Equal(lapsed.Sequence, again.Sequence);
        Assert.Equal(Outcome.Applied, renewed.Outcome);
        var history = await harness.Workflows.GetHistoryAsync(WorkflowKinds.Certificate, "c-2", cancellationToken: Ct);
        Assert.Equal([1L, 2L, 3L], history.Entries.Select(e => e.Sequence));
        Assert.Equal(["issue-c-2", "lapse-1", "renew-1"], history.Entries.Select(e => e.EventId));
    }

    [Fact]
    public async Task An_event_the_decider_refuses_is_recorded_with_its_reason_and_changes_nothing()
    {
        await using var harness = await DurableHarness.StartAsync(azurite, Now);
        await harness.Workflows.StartAsync(WorkflowKinds.Certificate, "c-3", Issued("c-3"), "issue-c-3", "regulator", Ct);

        var stale = await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, "c-3", new TimerFired("renewal-window", "no-such-token"), "stale-timer", "timer", Ct);

        Assert.Equal(Outcome.Ignored, stale.Outcome);
        Assert.Contains("no longer set", stale.Reason, StringComparison.Ordinal);
        Assert.Equal("Active", (await harness.Workflows.GetStatusAsync(WorkflowKinds.Certificate, "c-3", Ct))!.Status);
    }

    [Fact]
    public async Task A_final_state_completes_the_orchestration_and_a_later_event_is_refused_not_dropped()
    {
        await using var harness = await DurableHarness.StartAsync(azurite, Now);
        await harness.Workflows.StartAsync(WorkflowKinds.Certificate, "c-4", Issued("c-4"), "issue-c-4", "regulator", Ct);

        var revoked = await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, "c-4",
            new RevocationConfirmed([RevocationGround.FraudInReview], new LocalDate(2026, 3, 2), new LocalDate(2027, 3, 2)), "revoked", "revocation", Ct);
        var metadata = await harness.Durable.WaitForInstanceCompletionAsync(WorkflowSet.DurableId(WorkflowKinds.Certificate, "c-4"), Ct);
        var late = await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, "c-4", new LicenceLapsed(new LocalDate(2026, 4, 1)), "late", "regulator", Ct);

        Assert.Equal(Outcome.Applied, revoked.Outcome);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, metadata.RuntimeStatus);
        Assert.Equal(Outcome.Rejected, late.Outcome);
        // A refused event writes nothing: the history still ends with the revocation.
        var history = await harness.Workflows.GetHistoryAsync(WorkflowKinds.Certificate, "c-4", cancellationToken: Ct);
        Assert.Equal("revoked", history.Entries[^1].EventId);
    }

    [Fact]
    public async Task A_start_the_decider_refuses_starts_no_orchestration()
    {
        await using var harness = await DurableHarness.StartAsync(azurite, Now);

        var refused = await harness.Workflows.StartAsync(WorkflowKinds.Certificate, "c-5", new LicenceLapsed(new LocalDate(2026, 2, 1)), "lapse-first", "regulator", Ct);

        Assert.Equal(Outcome.Rejected, refused.Outcome);
        Assert.Null(await harness.Durable.GetInstanceAsync(WorkflowSet.DurableId(WorkflowKinds.Certificate, "c-5"), Ct));
        Assert.Null(await harness.Workflows.GetStatusAsync(WorkflowKinds.Certificate, "c-5", Ct));
    }

    [Fact]
    public async Task Events_sent_the_moment_their_instances_start_are_all_applied_under_load()
    {
        await using var harness = await DurableHarness.StartAsync(azurite, Now);
        var ids = Enumerable.Range(0, 60).Select(i => $"load-{i}").ToList();

        var results = await Task.WhenAll(ids.Select(async id =>
        {
            await harness.Workflows.StartAsync(WorkflowKinds.Certificate, id, Issued(id), $"issue-{id}", "regulator", Ct);
            return await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, id, new LicenceLapsed(new LocalDate(2026, 2, 1)), $"lapse-{id}", "regulator", Ct);
        }));

        Assert.All(results, r => Assert.Equal(Outcome.Applied, r.Outcome));
        foreach (var id in ids)
        {
            Assert.Equal("Suspended", (await harness.Workflows.GetStatusAsync(WorkflowKinds.Certificate, id, Ct))!.Status);
        }
    }

    [Fact]
    public async Task Raw_events_raised_before_the_start_was_processed_are_recovered_by_the_senders_confirmation()
    {
        await using var harness = await DurableHarness.StartAsync(azurite, Now);
        var json = harness.Get<WorkflowSet>().Json;
        var ids = Enumerable.Range(0, 40).Select(i => $"race-{i}").ToList();

        // Start each instance and, without waiting, raise its next event straight at Durable, as a careless sender would.
        await Task.WhenAll(ids.Select(async id =>
        {
            var durableId = WorkflowSet.DurableId(WorkflowKinds.Certificate, id);
            var first = new EventEnvelope($"issue-{id}", "regulator", Now.ToDateTimeOffset(), json.Serialize(Issued(id)));
            await harness.Durable.ScheduleNewOrchestrationInstanceAsync(LifecycleOrchestration.Name,
                new LifecycleInput(WorkflowKinds.Certificate, id, null, 0, [], [first]), new Microsoft.DurableTask.StartOrchestrationOptions(durableId), Ct);
            await harness.Durable.RaiseEventAsync(durableId, LifecycleOrchestration.EventName,
                new EventEnvelope($"lapse-{id}", "regulator", Now.ToDateTimeOffset(), json.Serialize(new LicenceLapsed(new LocalDate(2026, 2, 1)))), Ct);
        }));

        // The same events through the client once each instance runs: whatever Durable discarded is sent again until
        // recorded; what it kept is found recorded already.
        var results = await Task.WhenAll(ids.Select(async id =>
        {
            while (await harness.Workflows.GetStatusAsync(WorkflowKinds.Certificate, id, Ct) is null)
            {
                await Task.Delay(50, Ct);
            }

            return await harness.Workflows.ApplyAsync(WorkflowKinds.Certificate, id, new LicenceLapsed(new LocalDate(2026, 2, 1)), $"lapse-{id}", "regulator", Ct);
        }));

        Assert.All(results, r => Assert.Equal(Outcome.Applied, r.Outcome));
        TestContext.Current.TestOutputHelper?.WriteLine($"{results.Count(r => !r.Duplicate)} of {ids.Count} raw events were discarded by Durable and delivered again.");
        foreach (var id in ids)
        {
            var history = await harness.Workflows.GetHistoryAsync(WorkflowKinds.Certificate, id, cancellationToken: Ct);
            Assert.Equal([$"issue-{id}", $"lapse-{id}"], history.Entries.Select(e => e.EventId));
        }
    }
}
