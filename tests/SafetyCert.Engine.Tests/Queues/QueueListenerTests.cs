using Microsoft.Extensions.Time.Testing;
using SafetyCert.Engine.Queues;
using SafetyCert.Engine.Tests.Support;

namespace SafetyCert.Engine.Tests.Queues;

public sealed class QueueListenerTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NextDelay_doubles_up_to_the_maximum()
    {
        var listener = await QueueListener.CreateAsync(
            azurite.NewAccount(), "jobs", (_, _) => Task.CompletedTask,
            new QueueListenerOptions { MinPollDelay = TimeSpan.FromSeconds(1), MaxPollDelay = TimeSpan.FromSeconds(5) }, cancellationToken: Ct);

        var delays = new List<double>();
        for (var delay = TimeSpan.FromSeconds(1); delays.Count < 5; delay = listener.NextDelay(delay))
        {
            delays.Add(delay.TotalSeconds);
        }

        Assert.Equal([1, 2, 4, 5, 5], delays);
    }

    [Fact]
    public async Task RunAsync_handles_a_batch_waits_on_the_time_provider_when_empty_and_deletes_handled_messages()
    {
        var account = azurite.NewAccount();
        var time = new FakeTimeProvider();
        var handled = new List<string>();
        var listener = await QueueListener.CreateAsync(
            account, "jobs", (m, _) => { lock (handled) { handled.Add(m.Body); } return Task.CompletedTask; },
            new QueueListenerOptions { MinPollDelay = TimeSpan.FromSeconds(10) }, time, cancellationToken: Ct);
        var queue = await account.QueueAsync("jobs", Ct);
        foreach (var i in Enumerable.Range(0, 20))
        {
            await queue.SendMessageAsync($"m{i}", Ct);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var running = listener.RunAsync(stop.Token);
        for (var i = 0; i < 200 && handled.Count < 20; i++)
        {
            await Task.Delay(20, Ct);
        }

        await Task.Delay(200, Ct);
        var beforeAdvance = handled.Count;
        await queue.SendMessageAsync("late", Ct);
        await Task.Delay(300, Ct);
        var whileWaiting = handled.Count;
        time.Advance(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 200 && handled.Count < 21; i++)
        {
            await Task.Delay(20, Ct);
        }

        await stop.CancelAsync();
        await running;
        Assert.Equal((20, 20, 21), (beforeAdvance, whileWaiting, handled.Count));
        Assert.Equal(0, (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
    }
}
