using Microsoft.DurableTask;

namespace SafetyCert.Benchmarks;

/// <summary>The bare activity: the second step tells the waiting sender, in this process, that its event was taken.</summary>
internal sealed class BareStep(BareSignals signals) : TaskActivity<BareEvent, bool>
{
    public override Task<bool> RunAsync(TaskActivityContext context, BareEvent input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Step == 2)
        {
            signals.Taken(input.EventId);
        }

        return Task.FromResult(true);
    }
}
