using SafetyCert.Engine.Tests.Support;

namespace SafetyCert.Engine.Tests.Workflows;

public sealed class ConcurrencyTests(AzuriteFixture azurite)
{
    private const string Kind = TicketWorkflow.TicketKind;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Workers_racing_on_the_same_instances_apply_every_event_once(int workers)
    {
        var host = new EngineHost(azurite.NewAccount());
        string[] instances = ["a", "b", "c"];
        const int eventsEach = 15;
        foreach (var id in instances)
        {
            await host.Engine.StartAsync(Kind, id, new TicketOpened(id), "open", "alice", Ct);
        }

        foreach (var i in Enumerable.Range(0, eventsEach))
        {
            foreach (var id in instances)
            {
                await host.Engine.RaiseAsync(Kind, id, new Noted($"{i}"), $"note-{i}", "alice", Ct);
                if (i % 3 == 0)
                {
                    await host.Engine.RaiseAsync(Kind, id, new Noted($"{i}"), $"note-{i}", "alice", Ct); // a duplicate delivery
                }
            }
        }

        await host.DrainAsync(workers);

        foreach (var id in instances)
        {
            var status = await host.Engine.GetStatusAsync(Kind, id, Ct);
            Assert.Contains($"\"count\":{eventsEach}", status!.StateJson, StringComparison.Ordinal);
            var history = (await host.Engine.GetHistoryAsync(Kind, id, cancellationToken: Ct)).Entries;
            Assert.Equal(eventsEach + 1, history.Count);
            Assert.Equal(history.Count, history.Select(h => h.EventId).Distinct().Count());
            Assert.Equal(Enumerable.Range(1, eventsEach + 1).Select(i => (long)i), history.Select(h => h.Sequence));
        }
    }

    [Fact]
    public async Task Parallel_synchronous_applies_on_one_instance_lose_no_update()
    {
        var host = new EngineHost(azurite.NewAccount());
        await host.Engine.StartAsync(Kind, "hot", new TicketOpened("x"), "open", "alice", Ct);

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => host.Engine.ApplyAsync(Kind, "hot", new Noted("n"), $"n{i}", "alice", Ct)));

        Assert.Contains("\"count\":30", (await host.Engine.GetStatusAsync(Kind, "hot", Ct))!.StateJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_arriving_together_are_stored_together_each_with_its_own_sequence()
    {
        var host = new EngineHost(azurite.NewAccount());
        await host.Engine.StartAsync(Kind, "hot", new TicketOpened("x"), "open", "alice", Ct);

        var results = await Task.WhenAll(
            Enumerable.Range(0, 40).Select(i => host.Engine.ApplyAsync(Kind, "hot", i == 7 ? new Forbidden() : new Noted("n"), $"n{i}", "alice", Ct)));

        Assert.Equal(Enumerable.Range(2, 40).Select(i => (long)i), results.Select(r => r.Sequence).Order());
        Assert.Equal(Domain.Workflows.Outcome.Rejected, results[7].Outcome);
        var history = (await host.Engine.GetHistoryAsync(Kind, "hot", cancellationToken: Ct)).Entries;
        Assert.Equal(results.Select(r => r.Sequence).Order(), history.Skip(1).Select(h => h.Sequence));
        Assert.All(results, r => Assert.Equal($"n{history[(int)r.Sequence - 1].EventId[1..]}", history[(int)r.Sequence - 1].EventId));
    }

    [Fact]
    public async Task The_same_event_id_twice_in_one_group_is_applied_once()
    {
        var host = new EngineHost(azurite.NewAccount());
        await host.Engine.StartAsync(Kind, "hot", new TicketOpened("x"), "open", "alice", Ct);

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => host.Engine.ApplyAsync(Kind, "hot", new Noted("n"), $"n{i % 5}", "alice", Ct)));

        Assert.Equal(5, results.Count(r => r.Duplicate));
        Assert.Equal(5, results.Select(r => r.Sequence).Distinct().Count());
        Assert.Contains("\"count\":5", (await host.Engine.GetStatusAsync(Kind, "hot", Ct))!.StateJson, StringComparison.Ordinal);
    }
}
