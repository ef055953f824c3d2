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
        var envelope = input.First ?? await context.WaitForExternalEvent<EventEnvelope>(EventName);
        if (input.Seen.Contains(envelope.EventId, StringComparer.Ordinal))
        {
            // A repeated delivery: its outcome is already in the audit trail, where the sender finds it.
            context.ContinueAsNew(input with { First = null });
            return null;
        }

        var transition = Decide(input, envelope);
        await RunActivityAsync(context, TransitionActivities.RecordName, transition);
        if (transition.Outcome == nameof(Outcome.Applied) && transition.EffectsJson != "[]")
        {
            await RunActivityAsync(context, TransitionActivities.CarryOutName, transition);
        }

        if (transition.IsFinal)
        {
            return transition.StateJson;
        }

        context.ContinueAsNew(new LifecycleInput(
            input.Kind,
            input.InstanceId,
            transition.Outcome == nameof(Outcome.Applied) ? transition.StateJson : input.StateJson,
            transition.Sequence,
            [.. input.Seen.Append(envelope.EventId).TakeLast(SeenLimit)],
            First: null));
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
    /// Runs an activity until it succeeds: retries with back-off, then waits and tries again, so an effect is never
    /// dropped while storage or a channel is down. Each activity is idempotent, so a repeat changes nothing.
    /// </summary>
    private static async Task RunActivityAsync(TaskOrchestrationContext context, string activity, Transition transition)
    {
        for (var round = 1; ; round++)
        {
            try
            {
                await context.CallActivityAsync(activity, transition, ActivityRetry);
                if (round > 1)
                {
                    context.SetCustomStatus(null);
                }

                return;
            }
            catch (TaskFailedException e)
            {
                context.SetCustomStatus(new { failedActivity = activity, eventId = transition.Event.EventId, round, error = e.FailureDetails.ErrorMessage });
                await context.CreateTimer(TimeSpan.FromMinutes(5), CancellationToken.None);
            }
        }
    }
}
