using Microsoft.DurableTask.Client;
using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// Starts workflow instances and hands them events through the Durable client, and reads their status and audit trail.
/// An event is applied or reported, never dropped: each call waits until the instance recorded the event's id.
/// </summary>
public sealed class WorkflowClient
{
    private static readonly TimeSpan FirstResend = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestResend = TimeSpan.FromSeconds(16);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);
    private readonly DurableTaskClient durable;
    private readonly WorkflowStore store;
    private readonly WorkflowSet workflows;
    private readonly IClock clock;

    internal WorkflowClient(DurableTaskClient durable, WorkflowStore store, WorkflowSet workflows, IClock clock)
    {
        this.durable = durable;
        this.store = store;
        this.workflows = workflows;
        this.clock = clock;
    }

    /// <summary>
    /// Starts an instance with its first event, at the business time now. Idempotent by instance id: an existing
    /// instance answers a duplicate. A start the decider refuses starts nothing.
    /// </summary>
    public Task<TransitionResult> StartAsync(string kind, string instanceId, WorkflowEvent startEvent, string eventId, string actor, CancellationToken cancellationToken = default) =>
        StartAsync(kind, instanceId, startEvent, eventId, actor, clock.GetCurrentInstant().ToDateTimeOffset(), cancellationToken);

    /// <summary>Hands an event to an instance and returns what became of it. Throws <see cref="WorkflowNotFoundException"/> for an instance never started.</summary>
    public Task<TransitionResult> ApplyAsync(string kind, string instanceId, WorkflowEvent @event, string eventId, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync(kind, instanceId, @event, eventId, actor, clock.GetCurrentInstant().ToDateTimeOffset(), cancellationToken);

    /// <summary>Starts an instance with an event accepted at <paramref name="at"/> and waits until it is recorded.</summary>
    public Task<TransitionResult> StartAsync(
        string kind, string instanceId, WorkflowEvent startEvent, string eventId, string actor, DateTimeOffset at, CancellationToken cancellationToken) =>
        StartAsync(kind, instanceId, startEvent, eventId, actor, at, wait: true, cancellationToken);

    /// <summary>
    /// Starts an instance with an event accepted at <paramref name="at"/>; without <paramref name="wait"/> it returns once
    /// the start is scheduled (the event travels in the instance's input, so it cannot be lost).
    /// </summary>
    public async Task<TransitionResult> StartAsync(
        string kind, string instanceId, WorkflowEvent startEvent, string eventId, string actor, DateTimeOffset at, bool wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(startEvent);
        var durableId = WorkflowSet.DurableId(kind, instanceId);
        var envelope = Envelope(eventId, actor, at, startEvent);
        if (await store.GetOutcomeAsync(kind, instanceId, eventId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known with { Duplicate = true };
        }

        if (await durable.GetInstanceAsync(durableId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await AlreadyStartedAsync(kind, instanceId, cancellationToken).ConfigureAwait(false);
        }

        // The decider is pure: a start it refuses is answered here and stores nothing.
        var workflow = workflows.Get(kind);
        var decision = workflow.Decide(workflow.Initial, startEvent, Instant.FromDateTimeOffset(at));
        if (decision.Outcome != Outcome.Applied)
        {
            return new TransitionResult(decision.Outcome, decision.Reason, 0, false, null);
        }

        try
        {
            await durable.ScheduleNewOrchestrationInstanceAsync(
                LifecycleOrchestration.Name,
                new LifecycleInput(kind, instanceId, null, 0, [], [envelope]),
                new Microsoft.DurableTask.StartOrchestrationOptions(durableId),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or Grpc.Core.RpcException)
        {
            // Another sender started it a moment ago.
            if (await durable.GetInstanceAsync(durableId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is null)
            {
                throw;
            }

            return await AwaitOutcomeAsync(kind, instanceId, durableId, envelope, resend: false, cancellationToken).ConfigureAwait(false)
                ?? await AlreadyStartedAsync(kind, instanceId, cancellationToken).ConfigureAwait(false);
        }

        if (!wait)
        {
            return new TransitionResult(Outcome.Applied, null, 0, false, null);
        }

        return await AwaitOutcomeAsync(kind, instanceId, durableId, envelope, resend: false, cancellationToken).ConfigureAwait(false)
            ?? throw new TimeoutException($"The {kind} instance '{instanceId}' was started but has not recorded its first event within {GiveUpAfter.TotalMinutes} minutes.");
    }

    /// <summary>Hands an instance an event accepted at <paramref name="at"/>.</summary>
    public async Task<TransitionResult> ApplyAsync(
        string kind, string instanceId, WorkflowEvent @event, string eventId, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var durableId = WorkflowSet.DurableId(kind, instanceId);
        workflows.Get(kind);
        if (await store.GetOutcomeAsync(kind, instanceId, eventId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known with { Duplicate = true };
        }

        var status = await store.GetStatusAsync(kind, instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException($"No {kind} instance '{instanceId}' was started; {@event.GetType().Name} cannot be applied.");
        var envelope = Envelope(eventId, actor, at, @event);
        if (status.IsFinal)
        {
            // Durable drops events to a completed orchestration: the refusal is recorded here instead.
            return await store.DecideRefusalAsync(kind, instanceId, envelope, cancellationToken).ConfigureAwait(false);
        }

        return await AwaitOutcomeAsync(kind, instanceId, durableId, envelope, resend: true, cancellationToken).ConfigureAwait(false)
            ?? throw new TimeoutException($"The {kind} instance '{instanceId}' has not taken event {eventId} within {GiveUpAfter.TotalMinutes} minutes; it stays queued.");
    }

    /// <summary>
    /// Raises an event without waiting for it, for a sender that confirms it later with <see cref="ConfirmAsync"/> (an
    /// orchestration between durable timers, the sweep in bulk).
    /// </summary>
    public async Task<Delivery> RaiseAsync(string kind, string instanceId, WorkflowEvent @event, string eventId, string actor, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var delivery = new Delivery(kind, instanceId, Envelope(eventId, actor, at, @event));
        await durable.RaiseEventAsync(WorkflowSet.DurableId(kind, instanceId), LifecycleOrchestration.EventName, delivery.Event, cancellationToken).ConfigureAwait(false);
        return delivery;
    }

    /// <summary>
    /// What became of a raised event: its recorded outcome; the refusal, recorded now, when its instance completed or never
    /// existed; or null while it is not recorded yet, in which case it is raised again (a repeat is ignored by id).
    /// </summary>
    public async Task<TransitionResult?> ConfirmAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (await store.GetOutcomeAsync(delivery.Kind, delivery.InstanceId, delivery.Event.EventId, cancellationToken).ConfigureAwait(false) is { } outcome)
        {
            return outcome;
        }

        var durableId = WorkflowSet.DurableId(delivery.Kind, delivery.InstanceId);
        var metadata = await durable.GetInstanceAsync(durableId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return new TransitionResult(Outcome.Rejected, $"No {delivery.Kind} instance '{delivery.InstanceId}' was started.", 0, false, null);
        }

        if (metadata.IsCompleted && await store.GetStatusAsync(delivery.Kind, delivery.InstanceId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return await store.DecideRefusalAsync(delivery.Kind, delivery.InstanceId, delivery.Event, cancellationToken).ConfigureAwait(false);
        }

        await durable.RaiseEventAsync(durableId, LifecycleOrchestration.EventName, delivery.Event, cancellationToken).ConfigureAwait(false);
        return null;
    }

    private EventEnvelope Envelope(string eventId, string actor, DateTimeOffset at, WorkflowEvent @event)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return new EventEnvelope(eventId, actor, at, workflows.Json.Serialize(@event));
    }

    /// <summary>
    /// Waits until the instance recorded the event. An event raised before the instance's start was processed is
    /// discarded by Durable, so it is raised again until recorded (a repeat is ignored by id), after 1 s, then after twice
    /// the previous wait up to 16 s, so a busy task hub is not flooded with repeats; an instance that completed meanwhile
    /// gets the refusal recorded instead. Null after <see cref="GiveUpAfter"/>.
    /// </summary>
    private async Task<TransitionResult?> AwaitOutcomeAsync(
        string kind, string instanceId, string durableId, EventEnvelope envelope, bool resend, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var lastSent = DateTimeOffset.MinValue;
        var resendAfter = TimeSpan.Zero;
        var pause = TimeSpan.FromMilliseconds(25);
        while (DateTimeOffset.UtcNow - started < GiveUpAfter)
        {
            if (resend && DateTimeOffset.UtcNow - lastSent >= resendAfter)
            {
                if (lastSent != DateTimeOffset.MinValue
                    && await durable.GetInstanceAsync(durableId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is { IsCompleted: true })
                {
                    return await store.DecideRefusalAsync(kind, instanceId, envelope, cancellationToken).ConfigureAwait(false);
                }

                await durable.RaiseEventAsync(durableId, LifecycleOrchestration.EventName, envelope, cancellationToken).ConfigureAwait(false);
                lastSent = DateTimeOffset.UtcNow;
                resendAfter = resendAfter == TimeSpan.Zero ? FirstResend : TimeSpan.FromTicks(Math.Min(resendAfter.Ticks * 2, LongestResend.Ticks));
            }

            await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
            pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 1.5, 250));
            if (await store.GetOutcomeAsync(kind, instanceId, envelope.EventId, cancellationToken).ConfigureAwait(false) is { } outcome)
            {
                return outcome;
            }
        }

        return null;
    }

    private async Task<TransitionResult> AlreadyStartedAsync(string kind, string instanceId, CancellationToken cancellationToken)
    {
        var status = await store.GetStatusAsync(kind, instanceId, cancellationToken).ConfigureAwait(false);
        return new TransitionResult(Outcome.Ignored, $"The {kind} instance '{instanceId}' is already started.", 0, true, status?.Status);
    }

    /// <summary>What became of an event the instance was started or handed with, or null while it has not recorded it.</summary>
    public Task<TransitionResult?> OutcomeAsync(string kind, string instanceId, string eventId, CancellationToken cancellationToken = default) =>
        store.GetOutcomeAsync(kind, instanceId, eventId, cancellationToken);

    /// <summary>The instance's status, or null when it was never started.</summary>
    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string kind, string instanceId, CancellationToken cancellationToken = default)
    {
        var status = await store.GetStatusAsync(kind, instanceId, cancellationToken).ConfigureAwait(false);
        if (status is null)
        {
            return null;
        }

        var metadata = await durable.GetInstanceAsync(WorkflowSet.DurableId(kind, instanceId), getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return status with { RuntimeStatus = metadata?.RuntimeStatus.ToString(), CustomStatusJson = metadata?.SerializedCustomStatus };
    }

    /// <summary>Up to <paramref name="pageSize"/> audit entries from <paramref name="fromSequence"/> on, oldest first.</summary>
    public Task<HistoryPage> GetHistoryAsync(string kind, string instanceId, long fromSequence = 1, int pageSize = 100, CancellationToken cancellationToken = default) =>
        store.GetHistoryAsync(kind, instanceId, fromSequence, pageSize, cancellationToken);
}
