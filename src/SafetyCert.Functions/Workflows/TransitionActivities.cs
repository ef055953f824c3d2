using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;

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

    /// <summary>Writes the audit trail and the projection of one decided event.</summary>
    [Function(RecordName)]
    public Task RecordAsync([ActivityTrigger] Transition transition, CancellationToken cancellationToken) =>
        store.RecordAsync(transition, clock.GetCurrentInstant(), cancellationToken);

    /// <summary>Carries out the effects of an applied event in the order the decider gave them.</summary>
    [Function(CarryOutName)]
    public async Task CarryOutAsync([ActivityTrigger] Transition transition, [DurableClient] DurableTaskClient durable, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var effects = System.Text.Json.JsonSerializer.Deserialize<Effect[]>(transition.EffectsJson, workflows.Json.Options) ?? [];
        var source = $"workflow:{transition.Kind}/{transition.InstanceId}";
        var client = clients.For(durable);
        for (var index = 0; index < effects.Length; index++)
        {
            switch (effects[index])
            {
                case SetTimer set:
                    await dueIndex.SetAsync(durable, transition.Kind, transition.InstanceId, set, cancellationToken).ConfigureAwait(false);
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
                    Report(await client.StartAsync(start.Kind, start.InstanceId, start.Start, EventIds.Derived(transition.Kind, transition.InstanceId, transition.Sequence, index), source, transition.Event.At, cancellationToken).ConfigureAwait(false), start.Kind, start.InstanceId, source);
                    break;
                case SignalWorkflow signal:
                    Report(await client.ApplyAsync(signal.Kind, signal.InstanceId, signal.Event, EventIds.Derived(transition.Kind, transition.InstanceId, transition.Sequence, index), source, transition.Event.At, cancellationToken).ConfigureAwait(false), signal.Kind, signal.InstanceId, source);
                    break;
                default:
                    throw new NotSupportedException($"No activity carries out a {effects[index].GetType().Name} effect.");
            }
        }
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
