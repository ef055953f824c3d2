using SafetyCert.Engine.Tests.Support;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Workflows;

public sealed class LargeInstanceTests(AzuriteFixture azurite)
{
    private const string Kind = TicketWorkflow.TicketKind;
    private readonly EngineHost host = new(azurite.NewAccount());
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(100_000, false)] // split over several 64 KiB properties
    [InlineData(1_500_000, true)] // past the entity limit: kept in a blob
    public async Task A_large_state_round_trips_without_hitting_the_entity_limit(int length, bool inBlob)
    {
        var title = string.Concat(Enumerable.Range(0, length / 10).Select(i => $"{i % 100000:D9}|"));

        await host.Engine.StartAsync(Kind, "big", new TicketOpened("small"), "open", "alice", Ct);
        await host.Engine.ApplyAsync(Kind, "big", new Noted("n"), "note", "alice", Ct);
        var stateRow = Assert.Single(await host.RowsAsync(WorkflowStorageNames.Instances, "RowKey eq 'state'"));
        Assert.Null(stateRow.GetString("StateJson_Blob"));

        var huge = new EngineHost(azurite.NewAccount());
        await huge.Engine.StartAsync(Kind, "big", new TicketOpened(title), "open", "alice", Ct);
        await huge.Engine.ApplyAsync(Kind, "big", new Noted("n"), "note", "alice", Ct);

        var status = await huge.Engine.GetStatusAsync(Kind, "big", Ct);
        Assert.Contains(title, status!.StateJson, StringComparison.Ordinal);
        Assert.Contains("\"count\":1", status.StateJson, StringComparison.Ordinal);
        var row = Assert.Single(await huge.RowsAsync(WorkflowStorageNames.Instances, "RowKey eq 'state'"));
        Assert.Equal(inBlob, row.GetString("StateJson_Blob") is not null);
        Assert.Equal(!inBlob, row.ContainsKey("StateJson_1"));
    }

    [Fact]
    public async Task A_history_of_two_thousand_events_pages_in_order()
    {
        await host.Engine.StartAsync(Kind, "long", new TicketOpened("x"), "open", "alice", Ct);
        for (var i = 0; i < 1999; i += 10)
        {
            await Task.WhenAll(Enumerable.Range(i, Math.Min(10, 1999 - i)).Select(n => host.Engine.ApplyAsync(Kind, "long", new Noted($"{n}"), $"n{n}", "alice", Ct)));
        }

        var sequences = new List<long>();
        var pages = 0;
        for (long? from = 1; from is { } next; pages++)
        {
            var page = await host.Engine.GetHistoryAsync(Kind, "long", next, 300, Ct);
            sequences.AddRange(page.Entries.Select(e => e.Sequence));
            from = page.NextSequence;
        }

        Assert.Equal(Enumerable.Range(1, 2000).Select(i => (long)i), sequences);
        Assert.Equal(7, pages);
        Assert.Contains("\"count\":1999", (await host.Engine.GetStatusAsync(Kind, "long", Ct))!.StateJson, StringComparison.Ordinal);
        var second = await host.Engine.GetHistoryAsync(Kind, "long", 1001, 5, Ct);
        Assert.Equal([1001L, 1002, 1003, 1004, 1005], second.Entries.Select(e => e.Sequence));
        Assert.Equal(1006, second.NextSequence);
    }
}
