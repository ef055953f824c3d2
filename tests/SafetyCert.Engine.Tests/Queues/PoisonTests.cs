using SafetyCert.Engine.Tests.Support;
using SafetyCert.Engine.Workflows;

namespace SafetyCert.Engine.Tests.Queues;

public sealed class PoisonTests(AzuriteFixture azurite)
{
    private const string Kind = TicketWorkflow.TicketKind;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_event_failing_five_deliveries_moves_to_poison_and_shows_in_the_status()
    {
        var host = new EngineHost(azurite.NewAccount());
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x"), "open", "alice", Ct);
        var deliveries = 0;
        var listener = await host.ListenerAsync(async (message, ct) =>
        {
            deliveries++;
            await host.Engine.HandleEventMessageAsync(message, ct);
        });

        await host.Engine.RaiseAsync(Kind, "t1", new Exploded(), "boom", "alice", Ct);
        for (var i = 0; i < 10 && await listener.ProcessBatchAsync(Ct) > 0; i++)
        {
        }

        Assert.Equal((5, 1), (deliveries, host.PoisonCalls));
        var poison = await host.Account.QueueAsync(WorkflowStorageNames.EventsQueue + "-poison", Ct);
        var parked = Assert.Single((await poison.ReceiveMessagesAsync(32, cancellationToken: Ct)).Value);
        Assert.Contains("\"eventId\":\"boom\"", parked.Body.ToString(), StringComparison.Ordinal);
        var status = await host.Engine.GetStatusAsync(Kind, "t1", Ct);
        Assert.Equal(("boom", 5L), (status!.Failure!.EventId, status.Failure.Deliveries));
        Assert.Contains("exploded", status.Failure.Reason, StringComparison.Ordinal);
        Assert.Equal("Open", status.Status);
    }

    [Fact]
    public async Task A_failed_delivery_before_the_fifth_comes_back_and_succeeds()
    {
        var host = new EngineHost(azurite.NewAccount());
        await host.Engine.StartAsync(Kind, "t1", new TicketOpened("x"), "open", "alice", Ct);
        var deliveries = 0;
        var listener = await host.ListenerAsync(async (message, ct) =>
        {
            if (++deliveries < 3)
            {
                throw new TimeoutException("transient");
            }

            await host.Engine.HandleEventMessageAsync(message, ct);
        });

        await host.Engine.RaiseAsync(Kind, "t1", new Noted("n"), "note", "alice", Ct);
        for (var i = 0; i < 10 && await listener.ProcessBatchAsync(Ct) > 0; i++)
        {
        }

        Assert.Equal((3, 0), (deliveries, host.PoisonCalls));
        Assert.Contains("\"count\":1", (await host.Engine.GetStatusAsync(Kind, "t1", Ct))!.StateJson, StringComparison.Ordinal);
    }
}
