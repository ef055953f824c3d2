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
}
