using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace SafetyCert.Benchmarks;

/// <summary>
/// Starts bare instances and raises their events, waiting as <c>WorkflowClient</c> does until each is taken (here by
/// an in-process signal instead of reading the audit table) and raising again after the same second without it,
/// because Durable drops an event that arrives before the start or during ContinueAsNew.
/// </summary>
internal sealed class BareClient(DurableTaskClient durable, BareSignals signals)
{
    private static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(1);
    private long resends;

    public long Resends => Interlocked.Read(ref resends);

    public static string InstanceId(string id) => $"bare:{id}";

    public async Task StartAsync(string id, string eventId)
    {
        var taken = signals.Expect(eventId);
        await durable.ScheduleNewOrchestrationInstanceAsync(
            nameof(BareOrchestration), new BareInput(0, null, new BareEvent(eventId)), new StartOrchestrationOptions(InstanceId(id)));
        await taken.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task ApplyAsync(string id, string eventId)
    {
        var taken = signals.Expect(eventId);
        for (var attempt = 0; attempt < 120; attempt++)
        {
            await durable.RaiseEventAsync(InstanceId(id), BareOrchestration.EventName, new BareEvent(eventId));
            if (await Task.WhenAny(taken, Task.Delay(ResendAfter)) == taken)
            {
                return;
            }

            Interlocked.Increment(ref resends);
        }

        throw new TimeoutException($"The bare instance '{id}' has not taken event {eventId} within two minutes.");
    }
}
