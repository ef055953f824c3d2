using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Tests.Support;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Workflows;

public sealed class StartAndApplyTests(AzuriteFixture azurite)
{
    private const string Kind = TicketWorkflow.TicketKind;
    private readonly EngineHost host = new(azurite.NewAccount());
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_twice_with_the_same_instance_starts_it_once()
    {
        var first = await host.Engine.StartAsync(Kind, "t1", new TicketOpened("first"), "open-1", "alice", Ct);
        var second = await host.Engine.StartAsync(Kind, "t1", new TicketOpened("second"), "open-2", "bob", Ct);

        Assert.Equal((Outcome.Applied, false, "Open"), (first.Outcome, first.Duplicate, first.Status));
        Assert.True(second.Duplicate);
        var status = await host.Engine.GetStatusAsync(Kind, "t1", Ct);
        Assert.Contains("\"title\":\"first\"", status!.StateJson, StringComparison.Ordinal);
        Assert.Single((await host.Engine.GetHistoryAsync(Kind, "t1", cancellationToken: Ct)).Entries);
    }

    [Fact]
    public async Task ApplyAsync_with_a_known_event_id_returns_the_recorded_outcome_without_deciding_again()
    {
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x"), "open", "alice", Ct);

        var first = await host.Engine.ApplyAsync(Kind, "t1", new Noted("a"), "note-1", "alice", Ct);
        var again = await host.Engine.ApplyAsync(Kind, "t1", new Noted("a"), "note-1", "alice", Ct);

        Assert.Equal((Outcome.Applied, 2L, false), (first.Outcome, first.Sequence, first.Duplicate));
        Assert.Equal((Outcome.Applied, 2L, true), (again.Outcome, again.Sequence, again.Duplicate));
        Assert.Contains("\"count\":1", (await host.Engine.GetStatusAsync(Kind, "t1", Ct))!.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_rejected_event_returns_the_reason_and_is_recorded_without_changing_state()
    {
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x"), "open", "alice", Ct);

        var result = await host.Engine.ApplyAsync(Kind, "t1", new Forbidden(), "bad", "mallory", Ct);

        Assert.Equal((Outcome.Rejected, "Forbidden is never allowed."), (result.Outcome, result.Reason));
        var history = (await host.Engine.GetHistoryAsync(Kind, "t1", cancellationToken: Ct)).Entries;
        Assert.Equal(["Applied", "Rejected"], history.Select(h => h.Outcome.ToString()));
        Assert.Equal(("bad", "mallory", "Open"), (history[1].EventId, history[1].Actor, history[1].StatusAfter));
        Assert.Equal("Open", (await host.Engine.GetStatusAsync(Kind, "t1", Ct))!.Status);
    }

    [Fact]
    public async Task StartAsync_rejected_start_stores_nothing()
    {
        var result = await host.Engine.StartAsync(Kind, "t1", new Forbidden(), "bad", "mallory", Ct);

        Assert.Equal(Outcome.Rejected, result.Outcome);
        Assert.Null(await host.Engine.GetStatusAsync(Kind, "t1", Ct));
    }

    [Fact]
    public async Task ApplyAsync_on_an_instance_never_started_throws()
    {
        var error = await Assert.ThrowsAsync<WorkflowNotFoundException>(() => host.Engine.ApplyAsync(Kind, "nobody", new Noted("a"), "n", "alice", Ct));
        Assert.Contains("nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_of_an_unknown_kind_names_the_known_kinds()
    {
        var error = await Assert.ThrowsAsync<UnknownWorkflowKindException>(() => host.Engine.ApplyAsync("nope", "x", new Noted("a"), "n", "alice", Ct));
        Assert.Contains("ticket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseAsync_twice_with_one_event_id_is_applied_once()
    {
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x"), "open", "alice", Ct);

        await host.Engine.RaiseAsync(Kind, "t1", new Noted("a"), "note-1", "alice", Ct);
        await host.Engine.RaiseAsync(Kind, "t1", new Noted("a"), "note-1", "alice", Ct);
        await host.Engine.RaiseAsync(Kind, "t1", new Noted("b"), "note-2", "alice", Ct);
        await host.DrainAsync();

        var status = await host.Engine.GetStatusAsync(Kind, "t1", Ct);
        Assert.Contains("\"count\":2", status!.StateJson, StringComparison.Ordinal);
        Assert.Equal(3, (await host.Engine.GetHistoryAsync(Kind, "t1", cancellationToken: Ct)).Entries.Count);
        Assert.Equal(("note-2", Outcome.Applied), (status.LastEvent!.EventId, status.LastEvent.Outcome));
    }

    [Fact]
    public async Task A_transition_stores_state_history_event_id_and_carries_out_effects()
    {
        var remindAt = EngineHost.Start + Duration.FromDays(3);
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x", remindAt), "open", "alice", Ct);

        var status = await host.Engine.GetStatusAsync(Kind, "t1", Ct);
        Assert.Equal("reminder", Assert.Single(status!.PendingTimers).Id);
        var rows = await host.RowsAsync(WorkflowStorageNames.Instances, "PartitionKey eq 'ticket|t1'");
        Assert.Equal(["e|open", "h|000000000001", "state"], rows.Select(r => r.RowKey));
        var timer = Assert.Single(await host.RowsAsync(WorkflowStorageNames.Timers, "PartitionKey ne 'sweep'"));
        Assert.Equal(("2026030501", "ticket|t1|reminder|reminder~231"), (timer.PartitionKey, timer.RowKey));
        Assert.Equal("ticket-opened", Assert.Single(host.Notifications.Requests).Notice.Kind);
    }

    [Fact]
    public async Task A_decision_with_more_effects_than_one_transaction_holds_throws_before_storing_anything()
    {
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x"), "open", "alice", Ct);

        await Assert.ThrowsAsync<TableBatchLimitException>(() => host.Engine.ApplyAsync(Kind, "t1", new ManyNotices(98), "many", "alice", Ct));

        Assert.Single((await host.Engine.GetHistoryAsync(Kind, "t1", cancellationToken: Ct)).Entries);
        Assert.Equal(1, (await host.Engine.GetStatusAsync(Kind, "t1", Ct))!.LastEvent!.Sequence);
        var ok = await host.Engine.ApplyAsync(Kind, "t1", new ManyNotices(96), "some", "alice", Ct);
        Assert.Equal(Outcome.Applied, ok.Outcome);
    }

    [Fact]
    public async Task Instance_ids_with_characters_table_keys_forbid_are_escaped()
    {
        const string id = "a/b#c?d\\e|f~g";
        await host.Engine.StartAsync(Kind, id, new TicketOpened("x"), "open/1#", "alice", Ct);
        await host.Engine.ApplyAsync(Kind, id, new Noted("n"), "note?1", "alice", Ct);

        var status = await host.Engine.GetStatusAsync(Kind, id, Ct);
        Assert.Equal((id, 2L), (status!.InstanceId, status.LastEvent!.Sequence));
        Assert.Equal(["open/1#", "note?1"], (await host.Engine.GetHistoryAsync(Kind, id, cancellationToken: Ct)).Entries.Select(e => e.EventId));
    }

    [Fact]
    public async Task ListAsync_reads_instances_by_kind_and_status()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            await host.Engine.StartAsync(Kind, id, new TicketOpened(id), "open", "alice", Ct);
        }

        await host.Engine.ApplyAsync(Kind, "b", new TicketClosed(), "close", "alice", Ct);

        var open = await host.Engine.ListAsync(Kind, "Open", Ct).Select(s => s.InstanceId).ToListAsync(Ct);
        var closed = await host.Engine.ListAsync(Kind, "Closed", Ct).Select(s => s.InstanceId).ToListAsync(Ct);
        var all = await host.Engine.ListAsync(Kind, cancellationToken: Ct).Select(s => s.Status + ":" + s.InstanceId).ToListAsync(Ct);
        Assert.Equal(["a", "c"], open);
        Assert.Equal(["b"], closed);
        Assert.Equal(["Closed:b", "Open:a", "Open:c"], all);
    }

    [Fact]
    public async Task TerminateAsync_makes_the_instance_final_cancels_its_timers_and_rejects_later_events()
    {
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x", EngineHost.Start + Duration.FromDays(1)), "open", "alice", Ct);

        var result = await host.Engine.TerminateAsync(Kind, "t1", "opened by mistake", "admin", Ct);
        var later = await host.Engine.ApplyAsync(Kind, "t1", new Noted("n"), "note", "alice", Ct);

        Assert.Equal((Outcome.Applied, "Terminated"), (result.Outcome, result.Status));
        Assert.Equal(Outcome.Rejected, later.Outcome);
        var status = await host.Engine.GetStatusAsync(Kind, "t1", Ct);
        Assert.Equal(("Terminated", true, "opened by mistake"), (status!.Status, status.IsFinal, status.TerminationReason));
        Assert.Empty(status.PendingTimers);
        Assert.Empty(await host.RowsAsync(WorkflowStorageNames.Timers, "PartitionKey ne 'sweep'"));
        Assert.Equal(["t1"], await host.Engine.ListAsync(Kind, "Terminated", Ct).Select(s => s.InstanceId).ToListAsync(Ct));
    }

    [Fact]
    public async Task SetCustomStatusAsync_shows_in_the_status()
    {
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x"), "open", "alice", Ct);
        await host.Engine.SetCustomStatusAsync(Kind, "t1", "waiting for scan", Ct);
        await host.Engine.ApplyAsync(Kind, "t1", new Noted("n"), "note", "alice", Ct);

        Assert.Equal("waiting for scan", (await host.Engine.GetStatusAsync(Kind, "t1", Ct))!.CustomStatus);
    }

    [Fact]
    public async Task Start_and_signal_effects_reach_the_other_instance_once()
    {
        await host.Engine.StartAsync(Kind, "parent", new TicketOpened("p"), "open", "alice", Ct);
        await host.Engine.ApplyAsync(Kind, "parent", new ChildSpawned("child"), "spawn", "alice", Ct);
        await host.DrainAsync();
        await host.Engine.DrainOutboxAsync(Kind, "parent", Ct);

        var child = await host.Engine.GetStatusAsync(Kind, "child", Ct);
        Assert.Equal("Open", child!.Status);
        Assert.Contains("\"count\":1", child.StateJson, StringComparison.Ordinal);
        var history = (await host.Engine.GetHistoryAsync(Kind, "child", cancellationToken: Ct)).Entries;
        Assert.Equal(["wf|ticket|parent|2|0", "wf|ticket|parent|2|1"], history.Select(h => h.EventId).Order(StringComparer.Ordinal));
        Assert.All(history, h => Assert.Equal("workflow:ticket/parent", h.Actor));
    }
}
