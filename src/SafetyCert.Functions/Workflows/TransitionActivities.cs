using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Operations;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// The side effects of a decided event, as activities. Each runs at least once and is idempotent: audit rows are keyed
/// by sequence and event id, due rows by timer and token, notices by their delivery id in the ledger, and events to
/// other instances by an id derived from this transition.
/// </summary>
public sealed partial class TransitionActivities(
    WorkflowStore store, DueIndex dueIndex, WorkflowSet workflows, WorkflowClients clients, INotificationOutbox notices, IClock clock, ILogger<TransitionActivities> logger)
{
    public const string RecordName = "RecordTransition";
    public const string CarryOutName = "CarryOutEffects";
    public const string ConfirmName = "ConfirmDeliveries";

    /// <summary>Writes the audit trail and the projection of one decided event.</summary>
    [Function(RecordName)]
    public async Task RecordAsync([ActivityTrigger] Transition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        using var span = Trace("workflow.record", transition);
        await store.RecordAsync(transition, clock.GetCurrentInstant(), cancellationToken).ConfigureAwait(false);
        SafetyCertTelemetry.Transitions.Add(1, new("kind", transition.Kind), new("outcome", transition.Outcome));
    }

    /// <summary>
    /// Carries out the effects of an applied event in the order the decider gave them, then marks the event done for its
    /// sender. Returns the events raised into other instances, which the orchestration confirms, and this instance's
    /// deadlines that were due already, which it takes next.
    /// </summary>
    [Function(CarryOutName)]
    public async Task<CarryOutResult> CarryOutAsync([ActivityTrigger] Transition transition, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        using var span = Trace("workflow.effects", transition);
        var effects = System.Text.Json.JsonSerializer.Deserialize<Effect[]>(transition.EffectsJson, workflows.Json.Options) ?? [];
        var source = $"workflow:{transition.Kind}/{transition.InstanceId}";
        var client = clients.For(durable);
        var deliveries = new List<Delivery>();
        var dueNow = new List<EventEnvelope>();
        for (var index = 0; index < effects.Length; index++)
        {
            switch (effects[index])
            {
                case SetTimer set:
                    if (await dueIndex.SetAsync(transition.Kind, transition.InstanceId, set, cancellationToken).ConfigureAwait(false) is { } due)
                    {
                        dueNow.Add(due);
                    }

                    break;
                case CancelTimer cancel when transition.CancelDueAt.TryGetValue(cancel.Token, out var dueAt):
                    await dueIndex.CancelAsync(transition.Kind, transition.InstanceId, cancel, Instant.FromDateTimeOffset(dueAt), cancellationToken).ConfigureAwait(false);
                    break;
                case CancelTimer:
                    break; // Never set; should it fire anyway, its stale token is ignored.
                case Notify notify:
                    await notices.EnqueueAsync(new NotificationRequest(transition.Kind, transition.InstanceId, transition.Sequence, notify), cancellationToken).ConfigureAwait(false);
                    break;
                case StartWorkflow start:
                    // The start event travels in the new instance's input, so Durable cannot drop it.
                    Report(await client.StartAsync(start.Kind, start.InstanceId, start.Start, EventIds.Derived(transition.Kind, transition.InstanceId, transition.Sequence, index), source, transition.Event.At, wait: false, cancellationToken).ConfigureAwait(false), start.Kind, start.InstanceId, source);
                    break;
                case SignalWorkflow signal:
                    deliveries.Add(await client.RaiseAsync(signal.Kind, signal.InstanceId, signal.Event, EventIds.Derived(transition.Kind, transition.InstanceId, transition.Sequence, index), source, transition.Event.At, cancellationToken).ConfigureAwait(false));
                    break;
                default:
                    throw new NotSupportedException($"No activity carries out a {effects[index].GetType().Name} effect.");
            }
        }

        await store.MarkDoneAsync(transition, cancellationToken).ConfigureAwait(false);
        return new CarryOutResult([.. deliveries], [.. dueNow]);
    }

    /// <summary>Of the events raised into other instances, those not yet recorded there, each raised again.</summary>
    [Function(ConfirmName)]
    public async Task<Delivery[]> ConfirmAsync([ActivityTrigger] Delivery[] deliveries, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliveries);
        var client = clients.For(durable);
        var pending = new List<Delivery>();
        foreach (var delivery in deliveries)
        {
            if (await client.ConfirmAsync(delivery, cancellationToken).ConfigureAwait(false) is { } result)
            {
                Report(result, delivery.Kind, delivery.InstanceId, delivery.Event.Actor);
            }
            else
            {
                pending.Add(delivery);
            }
        }

        return [.. pending];
    }

    /// <summary>A span of this event's trace: under the call, sweep or instance that raised the event.</summary>
    private static System.Diagnostics.Activity? Trace(string name, Transition transition)
    {
        var span = SafetyCertTelemetry.StartUnder(name, transition.Event.TraceParent);
        span?.SetTag("safetycert.workflow.kind", transition.Kind);
        span?.SetTag("safetycert.workflow.instance", transition.InstanceId);
        span?.SetTag("safetycert.event.id", transition.Event.EventId);
        span?.SetTag("safetycert.event.type", transition.EventType);
        span?.SetTag("safetycert.event.outcome", transition.Outcome);
        span?.SetTag("safetycert.workflow.status", transition.StatusAfter);
        return span;
    }

    private void Report(TransitionResult result, string kind, string instanceId, string source)
    {
        if (result.Outcome != Outcome.Applied && !result.Duplicate)
        {
            Log.NotApplied(logger, source, kind, instanceId, result.Outcome, result.Reason);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "{Source} sent {Kind} '{InstanceId}' an event it did not apply ({Outcome}): {Reason}")]
        public static partial void NotApplied(ILogger logger, string source, string kind, string instanceId, Outcome outcome, string? reason);
    }
}
