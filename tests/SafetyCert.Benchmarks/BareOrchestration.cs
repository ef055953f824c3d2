using Microsoft.DurableTask;

namespace SafetyCert.Benchmarks;

/// <summary>
/// The floor to compare the lifecycle orchestration with: per event the same wait, two activity calls (the lifecycle's
/// RecordTransition and CarryOutEffects) and ContinueAsNew, with trivial bodies and tiny payloads, and the same rule
/// for a repeated delivery (continue without activities). Registered on the same local Durable worker.
/// </summary>
internal sealed class BareOrchestration : TaskOrchestrator<BareInput, int>
{
    public const string EventName = "BareEvent";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, BareInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var @event = input.Pending ?? await context.WaitForExternalEvent<BareEvent>(EventName);
        if (@event.EventId == input.LastEventId)
        {
            context.ContinueAsNew(input with { Pending = null });
            return input.Count;
        }

        await context.CallActivityAsync<bool>(nameof(BareStep), @event with { Step = 1 });
        await context.CallActivityAsync<bool>(nameof(BareStep), @event with { Step = 2 });
        context.ContinueAsNew(new BareInput(input.Count + 1, @event.EventId, null));
        return input.Count + 1;
    }
}
