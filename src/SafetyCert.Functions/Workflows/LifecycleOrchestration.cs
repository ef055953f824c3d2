using System.Collections.Immutable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// Every lifecycle workflow instance is one orchestration of this function: a thin loop around the domain's pure decider.
/// Each generation takes one event (the start event from its input, later the next external event), decides it, has
/// the activities record it and carry out its effects, and continues as new with the new state. Nothing but the wait
/// runs before the await, so instances waiting under one version of the rules continue under the next, and history
/// stays one event long. A final state completes the orchestration.
/// </summary>
public sealed class LifecycleOrchestration(WorkflowSet workflows)
{
    public const string Name = "Lifecycle";

    /// <summary>The external event every workflow event travels as.</summary>
    public const string EventName = "WorkflowEvent";

    /// <summary>How many recent event ids an instance remembers to ignore a repeated delivery.</summary>
    public const int SeenLimit = 200;

    private static readonly TaskOptions ActivityRetry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 8, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromMinutes(1)));

    [Function(Name)]
    public async Task<string?> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = context.GetInput<LifecycleInput>() ?? throw new InvalidOperationException("A lifecycle orchestration needs its input.");
        var envelope = input.Pending.Count > 0 ? input.Pending[0] : await context.WaitForExternalEvent<EventEnvelope>(EventName);
        var pending = input.Pending.Skip(1).ToList();
        if (input.Seen.Contains(envelope.EventId, StringComparer.Ordinal))
        {
            // A repeated delivery: its outcome is already in the audit trail, where the sender finds it.
            context.ContinueAsNew(input with { Pending = pending });
            return null;
        }

        var transition = Decide(input, envelope);
        await RunActivityAsync<object?>(context, TransitionActivities.RecordName, transition);
        if (WorkflowStore.HasEffects(transition))
        {
            var result = await RunActivityAsync<CarryOutResult>(context, TransitionActivities.CarryOutName, transition);
            await ConfirmAsync(context, result?.Deliveries ?? []);
            pending.AddRange(result?.DueNow ?? []);
        }

        if (transition.IsFinal)
        {
            return transition.StateJson;
        }

        if (input.StateJson is null && transition.Outcome != nameof(Outcome.Applied))
        {
            // A start the decider refused (senders check first, so only a race gets here): nothing was started.
            return null;
        }

        context.ContinueAsNew(new LifecycleInput(
            input.Kind,
            input.InstanceId,
            transition.Outcome == nameof(Outcome.Applied) ? transition.StateJson : input.StateJson,
            // A refused event has no audit row, so it takes no number in the history either.
            transition.Outcome == nameof(Outcome.Rejected) ? input.Sequence : transition.Sequence,
            [.. input.Seen.Append(envelope.EventId).TakeLast(SeenLimit)],
            pending));
        return null;
    }

    private Transition Decide(LifecycleInput input, EventEnvelope envelope)
    {
        var workflow = workflows.Get(input.Kind);
        var state = workflows.ReadState(input.Kind, input.StateJson);
        var statusBefore = input.StateJson is null ? null : state.Status;
        string eventType = "Unreadable";
        Decision decision;
        try
        {
            var @event = workflows.Json.DeserializeEvent(envelope.EventJson);
            eventType = @event.GetType().Name;
            decision = workflow.Decide(state, @event, NodaTime.Instant.FromDateTimeOffset(envelope.At));
        }
#pragma warning disable CA1031 // A decider that throws fails its event, which is recorded; the instance keeps going.
        catch (Exception e)
#pragma warning restore CA1031
        {
            decision = Decision.Reject($"The event could not be decided: {e.GetType().Name}: {e.Message}");
        }

        var applied = decision.Outcome == Outcome.Applied;
        var after = applied ? decision.State! : state;
        var effects = applied ? decision.Effects : ImmutableArray<Effect>.Empty;
        var cancelDueAt = effects.OfType<CancelTimer>()
            .Select(c => state.Timers.Active.Values.FirstOrDefault(t => t.Token == c.Token))
            .OfType<ScheduledTimer>()
            .ToDictionary(t => t.Token, t => t.DueAt.ToDateTimeOffset(), StringComparer.Ordinal);
        return new Transition(
            input.Kind,
            input.InstanceId,
            input.Sequence + 1,
            envelope,
            eventType,
            decision.Outcome.ToString(),
            decision.Reason,
            statusBefore,
            input.StateJson is null && !applied ? "NotStarted" : after.Status,
            applied && after.IsFinal,
            applied ? workflows.Json.Serialize(after) : input.StateJson ?? workflows.Json.Serialize(after),
            workflows.Json.Serialize(effects),
            cancelDueAt);
    }

    /// <summary>
    /// Holds this instance until every event it raised into another instance is recorded there (or refused there, when
    /// that one has completed). Durable drops an event raised before its receiver's start was processed, and an event that
    /// arrives while the receiver continues as new may be lost too, so the sender raises again until the receiver's
    /// audit trail shows the event id; the receiver ignores a repeat. The waits are durable timers: no activity blocks.
    /// </summary>
    private static async Task ConfirmAsync(TaskOrchestrationContext context, Delivery[] deliveries)
    {
        var pending = deliveries;
        for (var round = 0; pending.Length > 0; round++)
        {
            await context.CreateTimer(TimeSpan.FromMilliseconds(Math.Min(250 * (1 << Math.Min(round, 4)), 4_000)), CancellationToken.None);
            pending = await RunActivityAsync<Delivery[]>(context, TransitionActivities.ConfirmName, pending) ?? [];
        }
    }

    /// <summary>
    /// Runs an activity until it succeeds: retries with back-off, then waits and tries again, so an effect is never
    /// dropped while storage or a channel is down. Each activity is idempotent, so a repeat changes nothing.
    /// </summary>
    private static async Task<T?> RunActivityAsync<T>(TaskOrchestrationContext context, string activity, object input)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                var result = await context.CallActivityAsync<T>(activity, input, ActivityRetry);
                if (round > 1)
                {
                    context.SetCustomStatus(null);
                }

                return result;
            }
            catch (TaskFailedException e)
            {
                context.SetCustomStatus(new { failedActivity = activity, round, error = e.FailureDetails.ErrorMessage });
                await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
            }
        }
    }
}
