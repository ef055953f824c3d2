using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SafetyCert.Host.Triggers;

namespace SafetyCert.Host.Tests.Triggers;

public sealed class QueueTriggerTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_runtime_starts_one_listener_per_queue_function_on_its_prefixed_queue_and_stops_it()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var started = new ConcurrentDictionary<string, QueueTrigger>();
        var stopped = new ConcurrentBag<string>();
        QueueTriggerListener listener = async (trigger, stoppingToken) =>
        {
            started[trigger.Function.Name] = trigger;
            await Task.Delay(Timeout.Infinite, stoppingToken).ContinueWith(_ => stopped.Add(trigger.Function.Name), TaskScheduler.Default);
        };
        var events = new RecordingQueueFunction("Events", "events");
        var mail = new RecordingQueueFunction("Mail", "mail-out");

        var runtime = await RuntimeUnderTest.StartAsync(azurite, prefix, new FakeTimeProvider(), [], [events, mail], listener);
        await runtime.Logs.WaitForAsync(e => e.EventId == 12, "the runtime to start");
        await runtime.DisposeAsync();

        Assert.Equal(["Events", "Mail"], started.Keys.Order(StringComparer.Ordinal));
        Assert.Same(events, started["Events"].Function);
        Assert.Equal($"{prefix}events", started["Events"].QueueName);
        Assert.Equal($"{prefix}events-poison", started["Events"].PoisonQueueName);
        Assert.Equal($"{prefix}mail-out", started["Mail"].QueueName);
        Assert.Equal(["Events", "Mail"], stopped.Order(StringComparer.Ordinal));
    }
}
