using Azure.Storage.Queues;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Local;

/// <summary>Queue triggers run on real storage time (visibility timeouts, leases), so these wait seconds, never minutes.</summary>
public sealed class QueueTriggerTests(AzuriteFixture azurite)
{
    // Long enough to ride out a storage outage's back-off on a loaded machine.
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Message_is_processed_once_and_deleted()
    {
        var (queue, _) = await QueuesAsync();
        await using var host = await LocalHost.StartAsync(azurite.ConnectionString, LocalHost.Settings(queue.Name));

        await queue.SendMessageAsync("ok-1", Ct);
        await Eventually.HoldsAsync(() => host.Recorder.Of<string>("Work").Count == 1, "the message processed", logs: host.Logs);
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount == 0, "the message deleted");
        // Absence cannot be polled for: give a wrongly kept message time to come back (the visibility timeout is 0).
        await Task.Delay(1500, Ct);

        Assert.Equal(["ok-1#1"], host.Recorder.Of<string>("Work"));
    }

    [Fact]
    public async Task Failing_message_moves_to_the_poison_queue_after_its_fifth_dequeue()
    {
        var (queue, poison) = await QueuesAsync();
        await using var host = await LocalHost.StartAsync(azurite.ConnectionString, LocalHost.Settings(queue.Name));

        await queue.SendMessageAsync("fail-1", Ct);
        await Eventually.HoldsAsync(
            async () => (await poison.ExistsAsync(Ct)).Value && (await poison.PeekMessageAsync(Ct)).Value is not null, "the poison message", logs: host.Logs);

        Assert.Equal(["fail-1#1", "fail-1#2", "fail-1#3", "fail-1#4", "fail-1#5"], host.Recorder.Of<string>("Work"));
        Assert.Equal("fail-1", (await poison.PeekMessageAsync(Ct)).Value.Body.ToString());
        Assert.Equal(0, (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount);
        Assert.True(host.Logged("moves to the poison queue"));
    }

    [Fact]
    public async Task Long_running_message_stays_invisible_while_its_function_runs()
    {
        var (queue, _) = await QueuesAsync();
        // A 2-second lease, renewed every second, around a function that takes 5 seconds.
        await using var host = await LocalHost.StartAsync(azurite.ConnectionString, LocalHost.Settings(queue.Name), o => o.Queues.MessageLease = TimeSpan.FromSeconds(2));

        await queue.SendMessageAsync("slow-1", Ct);
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount == 0, "the message deleted");
        await Task.Delay(1500, Ct);

        Assert.Equal(["slow-1#1"], host.Recorder.Of<string>("Work"));
    }

    [Fact]
    public async Task Listener_survives_storage_vanishing_mid_message_and_goes_on()
    {
        var (queue, _) = await QueuesAsync();
        await using var proxy = new FlakyProxy(azurite.ConnectionString);
        await using var host = await LocalHost.StartAsync(proxy.ConnectionString, LocalHost.Settings(queue.Name), o => o.Queues.MessageLease = TimeSpan.FromSeconds(2));

        await queue.SendMessageAsync("slow-a", Ct);
        await Eventually.HoldsAsync(() => host.Recorder.Of<string>("Work").Contains("slow-a#1"), "slow-a running", logs: host.Logs);
        // Storage goes away while the function runs: renewals, the delete and the polls all fail.
        proxy.Break();
        await Eventually.HoldsAsync(() => host.Logged("Receiving from"), "a failed receive", Recovery, host.Logs);
        await Eventually.HoldsAsync(() => host.Logged("Settling message"), "a failed delete", Recovery, host.Logs);
        proxy.Restore();

        await queue.SendMessageAsync("ok-b", Ct);
        await Eventually.HoldsAsync(() => host.Recorder.Of<string>("Work").Contains("ok-b#1"), "a new message after the outage", Recovery, host.Logs);
        // The undeleted message came back and ran again: at least once.
        await Eventually.HoldsAsync(() => host.Recorder.Of<string>("Work").Contains("slow-a#2"), "slow-a again", Recovery, host.Logs);
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount == 0, "the queue emptied");
    }

    [Fact]
    public async Task Renewal_storage_applied_after_its_caller_gave_up_leaves_a_stale_receipt_and_the_listener_goes_on()
    {
        var (queue, _) = await QueuesAsync();
        await using var proxy = new FlakyProxy(azurite.ConnectionString);
        await using var host = await LocalHost.StartAsync(proxy.ConnectionString, LocalHost.Settings(queue.Name), o => o.Queues.MessageLease = TimeSpan.FromSeconds(2));

        await queue.SendMessageAsync("slow-c", Ct);
        await Eventually.HoldsAsync(() => host.Recorder.Of<string>("Work").Contains("slow-c#1"), "slow-c running", logs: host.Logs);
        // A stall longer than the renewal's patience: storage applies the renewal (a new pop receipt) that the listener
        // never hears of, so the delete with the receipt it has fails. The stall's length is the scenario, not a wait.
        proxy.Stall();
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        proxy.Resume();

        await Eventually.HoldsAsync(() => host.Logged("Settling message") || host.Logged("became visible to others"), "the stale receipt noticed", Recovery, host.Logs);
        await queue.SendMessageAsync("ok-d", Ct);
        await Eventually.HoldsAsync(() => host.Recorder.Of<string>("Work").Contains("ok-d#1"), "a new message afterwards", Recovery, host.Logs);
        await Eventually.HoldsAsync(() => host.Recorder.Of<string>("Work").Contains("slow-c#2"), "slow-c again", Recovery, host.Logs);
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync(Ct)).Value.ApproximateMessagesCount == 0, "the queue emptied");
    }

    private async Task<(QueueClient Queue, QueueClient Poison)> QueuesAsync()
    {
        var name = AzuriteFixture.NewPrefix() + "-work";
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var queue = new QueueClient(azurite.ConnectionString, name, options);
        await queue.CreateAsync(cancellationToken: Ct);
        return (queue, new QueueClient(azurite.ConnectionString, name + "-poison", options));
    }
}
