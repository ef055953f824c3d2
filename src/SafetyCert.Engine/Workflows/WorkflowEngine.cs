using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Engine.Notifications;
using SafetyCert.Engine.Queues;
using SafetyCert.Engine.Serialization;
using SafetyCert.Engine.Storage;
using SafetyCert.Engine.Timers;

namespace SafetyCert.Engine.Workflows;

/// <summary>
/// Runs workflow instances as durable state machines over Table storage. One transition (new state, a
/// history row, the event-id row and one outbox row per effect) is one entity-group transaction in the
/// instance's partition, guarded by the state row's ETag; the outbox is carried out after the commit and
/// each row deleted once done, so a crash at any point is finished by the next delivery of the event.
/// </summary>
public sealed class WorkflowEngine
{
    private const int MaxEnvelopeChars = 45_000;
    private const int MaxGroup = 32;
    private readonly ConcurrentDictionary<string, InstanceGate> gates = new(StringComparer.Ordinal);
    private readonly StorageAccount storage;
    private readonly WorkflowRegistry registry;
    private readonly INotificationOutbox notifications;
    private readonly IClock clock;
    private readonly LargeValueStore values;

    /// <summary>Creates the engine over an account and the workflows it runs.</summary>
    public WorkflowEngine(
        StorageAccount storage, WorkflowRegistry registry, INotificationOutbox notifications, IClock clock, WorkflowEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(clock);
        this.storage = storage;
        this.registry = registry;
        this.notifications = notifications;
        this.clock = clock;
        Options = options ?? new WorkflowEngineOptions();
        Json = new EngineJson(registry.Assemblies);
        values = new LargeValueStore(storage, WorkflowStorageNames.DataContainer);
    }

    /// <summary>The engine's tuning.</summary>
    public WorkflowEngineOptions Options { get; }

    /// <summary>The JSON the engine stores and queues.</summary>
    public EngineJson Json { get; }

    internal StorageAccount Storage => storage;

    internal IClock Clock => clock;

    internal IFaultInjector? Faults { get; set; }

    /// <summary>
    /// Starts an instance with its first event, synchronously. Idempotent by instance id: when the instance
    /// exists nothing is decided and the result is a duplicate. A rejected start stores nothing.
    /// </summary>
    public Task<TransitionResult> StartAsync(
        string kind, string instanceId, WorkflowEvent startEvent, string eventId, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync(new EventEnvelope(kind, instanceId, eventId, actor, clock.GetCurrentInstant(), startEvent, Start: true), cancellationToken);

    /// <summary>
    /// Decides an event now and returns what became of it (a rejection with its reason). Idempotent by event
    /// id: a repeated id returns the recorded outcome without deciding again. Throws
    /// <see cref="WorkflowNotFoundException"/> when the instance was never started.
    /// </summary>
    public Task<TransitionResult> ApplyAsync(
        string kind, string instanceId, WorkflowEvent @event, string eventId, string actor, CancellationToken cancellationToken = default) =>
        ApplyAsync(new EventEnvelope(kind, instanceId, eventId, actor, clock.GetCurrentInstant(), @event), cancellationToken);

    /// <summary>Queues an event for the instance; the queue handler decides it. Idempotent by event id.</summary>
    public async Task RaiseAsync(
        string kind, string instanceId, WorkflowEvent @event, string eventId, string actor, CancellationToken cancellationToken = default)
    {
        registry.Get(kind);
        await EnqueueAsync(new EventEnvelope(kind, instanceId, eventId, actor, clock.GetCurrentInstant(), @event), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The handler of <see cref="WorkflowStorageNames.EventsQueue"/>: decides the message's event (or finds
    /// it decided), finishes the instance's outbox, and returns so the listener deletes the message.
    /// </summary>
    public async Task HandleEventMessageAsync(QueueMessageInfo message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var envelope = ReadEnvelope(message.Body);
        await ApplyAsync(envelope, cancellationToken).ConfigureAwait(false);
        Faults?.At(FaultPoint.AfterOutboxBeforeMessageDelete, envelope.EventId);
    }

    /// <summary>
    /// The poison callback of <see cref="WorkflowStorageNames.EventsQueue"/>: records on the instance's status
    /// that the event failed every delivery, so operators see it.
    /// </summary>
    public async Task RecordPoisonAsync(QueueMessageInfo message, Exception error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(error);
        EventEnvelope envelope;
        try
        {
            envelope = ReadEnvelope(message.Body);
        }
        catch (JsonException)
        {
            return; // Not an event envelope: nothing to attach it to; it stays in the poison queue.
        }

        var table = await InstancesAsync(cancellationToken).ConfigureAwait(false);
        var partition = InstanceRows.Partition(envelope.Kind, envelope.InstanceId);
        for (var attempt = 0; attempt < Options.MaxConflictRetries; attempt++)
        {
            var row = await table.GetAsync(partition, InstanceRows.State, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return;
            }

            var update = new TableEntity(partition, InstanceRows.State)
            {
                ["FailureEventId"] = envelope.EventId,
                ["FailureReason"] = Shorten($"{error.GetType().Name}: {error.Message}", 4000),
                ["FailedAt"] = clock.GetCurrentInstant().ToDateTimeOffset(),
                ["FailureDeliveries"] = message.DequeueCount,
            };
            try
            {
                await table.UpdateAsync(update, row.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (StorageConflictException)
            {
                // The instance moved on meanwhile; record the failure on its new state row.
            }
        }
    }

    /// <summary>Stops an instance: it becomes final with status <c>Terminated</c> and its timers are cancelled.</summary>
    public Task<TransitionResult> TerminateAsync(string kind, string instanceId, string reason, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var now = clock.GetCurrentInstant();
        var transition = new Transition(kind, instanceId, "terminate", actor, now, TerminatedType, JsonSerializer.Serialize(new { reason }, Json.Options), Start: false)
        {
            Decide = (state, terminated) =>
            {
                if (terminated || state.IsFinal)
                {
                    return Decision.Reject($"The {kind} instance is already {(terminated ? TerminatedType : state.Status)}.");
                }

                var effects = state.Timers.Active.Values.Select(t => (Effect)new CancelTimer(t.Id, t.Token)).ToList();
                return Decision.Apply(state, effects);
            },
            TerminationReason = reason,
        };
        return RunAsync(transition, cancellationToken);
    }

    /// <summary>Attaches a free text to an instance's status (shown by <see cref="GetStatusAsync"/>).</summary>
    public async Task SetCustomStatusAsync(string kind, string instanceId, string customStatus, CancellationToken cancellationToken = default)
    {
        var table = await InstancesAsync(cancellationToken).ConfigureAwait(false);
        var partition = InstanceRows.Partition(kind, instanceId);
        var update = new TableEntity(partition, InstanceRows.State) { ["CustomStatus"] = Shorten(customStatus, 4000) };
        try
        {
            await table.UpdateAsync(update, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        }
        catch (StorageRequestException e) when (e.Status == 404)
        {
            throw new WorkflowNotFoundException($"No {kind} instance '{instanceId}'.", e);
        }
    }

    /// <summary>The instance's status, or null when it was never started.</summary>
    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string kind, string instanceId, CancellationToken cancellationToken = default)
    {
        var registration = registry.Get(kind);
        var table = await InstancesAsync(cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(InstanceRows.Partition(kind, instanceId), InstanceRows.State, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var (state, json) = await ReadStateAsync(registration, row, cancellationToken).ConfigureAwait(false);
        var terminated = row.GetBoolean("Terminated") == true;
        var lastEvent = row.GetString("LastEventId") is { } lastId
            ? new EventRecord(
                row.GetInt64("Sequence") ?? 0,
                lastId,
                row.GetString("LastEventType") ?? "",
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("LastEventAt") ?? default),
                row.GetString("LastActor") ?? "",
                Enum.Parse<Outcome>(row.GetString("LastOutcome") ?? nameof(Outcome.Applied)),
                row.GetString("LastReason"))
            : null;
        var failure = row.GetString("FailureEventId") is { } failedId
            ? new WorkflowFailure(failedId, row.GetString("FailureReason") ?? "", Instant.FromDateTimeOffset(row.GetDateTimeOffset("FailedAt") ?? default), row.GetInt64("FailureDeliveries") ?? 0)
            : null;
        return new WorkflowInstanceStatus(
            kind,
            instanceId,
            row.GetString("Status") ?? state.Status,
            terminated || state.IsFinal,
            json,
            row.GetInt32("SchemaVersion") ?? 1,
            state.Deadlines.IsDefault ? [] : state.Deadlines,
            terminated ? [] : [.. state.Timers.Active.Values],
            lastEvent,
            failure,
            row.GetString("CustomStatus"),
            row.GetString("TerminationReason"),
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("CreatedAt") ?? default),
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("UpdatedAt") ?? default));
    }

    /// <summary>Up to <paramref name="pageSize"/> history entries from <paramref name="fromSequence"/> on, oldest first.</summary>
    public async Task<HistoryPage> GetHistoryAsync(
        string kind, string instanceId, long fromSequence = 1, int pageSize = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var table = await InstancesAsync(cancellationToken).ConfigureAwait(false);
        var partition = InstanceRows.Partition(kind, instanceId);
        var entries = new List<HistoryEntry>(pageSize);
        await foreach (var row in table.QueryAsync(InstanceRows.Range(partition, 'h', InstanceRows.History(fromSequence)), Math.Min(pageSize + 1, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entries.Count == pageSize)
            {
                return new HistoryPage(entries, entries[^1].Sequence + 1);
            }

            entries.Add(new HistoryEntry(
                row.GetInt64("Sequence") ?? 0,
                row.GetString("EventId") ?? "",
                row.GetString("EventType") ?? "",
                await values.ReadAsync(row, "EventJson", cancellationToken).ConfigureAwait(false) ?? "null",
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("At") ?? default),
                row.GetString("Actor") ?? "",
                Enum.Parse<Outcome>(row.GetString("Outcome") ?? nameof(Outcome.Applied)),
                row.GetString("Reason"),
                row.GetString("StatusAfter") ?? "",
                await values.ReadAsync(row, "EffectsJson", cancellationToken).ConfigureAwait(false) ?? "[]"));
        }

        return new HistoryPage(entries, null);
    }

    /// <summary>The instances of a kind, of one status or of all; read from the status index, not a scan.</summary>
    public async IAsyncEnumerable<InstanceSummary> ListAsync(string kind, string? status = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        registry.Get(kind);
        var index = await storage.TableAsync(WorkflowStorageNames.StatusIndex, cancellationToken).ConfigureAwait(false);
        var filter = status is null
            ? $"PartitionKey ge '{InstanceRows.Quote(TableKey.Escape(kind))}|' and PartitionKey lt '{InstanceRows.Quote(TableKey.Escape(kind))}}}'"
            : $"PartitionKey eq '{InstanceRows.Quote(TableKey.Join(kind, status))}'";
        await foreach (var row in index.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            yield return new InstanceSummary(
                kind,
                row.GetString("InstanceId") ?? row.RowKey,
                row.GetString("Status") ?? "",
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("UpdatedAt") ?? default));
        }
    }

    /// <summary>Carries out whatever is left in an instance's outbox (normally empty).</summary>
    public async Task DrainOutboxAsync(string kind, string instanceId, CancellationToken cancellationToken = default)
    {
        var table = await InstancesAsync(cancellationToken).ConfigureAwait(false);
        await RunOutboxAsync(table, kind, instanceId, cancellationToken).ConfigureAwait(false);
    }

    internal Task<Table> InstancesAsync(CancellationToken cancellationToken) =>
        storage.TableAsync(WorkflowStorageNames.Instances, cancellationToken);

    internal async Task EnqueueAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        TableKey.Escape(envelope.InstanceId);
        TableKey.Escape(envelope.EventId);
        var json = JsonSerializer.Serialize(envelope, Json.Options);
        if (json.Length > MaxEnvelopeChars)
        {
            throw new ArgumentException(
                $"The {envelope.Event.GetType().Name} event for {envelope.Kind} '{envelope.InstanceId}' is {json.Length} characters; a queued event holds at most {MaxEnvelopeChars}. Apply it directly or keep large data in a document.");
        }

        var queue = await storage.QueueAsync(WorkflowStorageNames.EventsQueue, cancellationToken).ConfigureAwait(false);
        try
        {
            await queue.SendMessageAsync(json, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e)
        {
            throw Table.Translate(e, $"enqueue event {envelope.EventId}");
        }
    }

    internal EventEnvelope ReadEnvelope(string body) =>
        JsonSerializer.Deserialize<EventEnvelope>(body, Json.Options) ?? throw new JsonException("An event envelope cannot be null.");

    private const string TerminatedType = "Terminated";

    private Task<TransitionResult> ApplyAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope.Event);
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope.EventId);
        ArgumentException.ThrowIfNullOrWhiteSpace(envelope.Actor);
        var registration = registry.Get(envelope.Kind);
        var transition = new Transition(
            envelope.Kind, envelope.InstanceId, envelope.EventId, envelope.Actor, envelope.EnqueuedAt,
            envelope.Event.GetType().Name, Json.Serialize(envelope.Event), envelope.Start)
        {
            Decide = (state, terminated) => terminated
                ? Decision.Reject($"The {envelope.Kind} instance was terminated and takes no further event.")
                : registration.Workflow.Decide(state, envelope.Event, envelope.EnqueuedAt),
        };
        return RunAsync(transition, cancellationToken);
    }

    private Task<TransitionResult> RunAsync(Transition transition, CancellationToken cancellationToken)
    {
        registry.Get(transition.Kind);
        var partition = InstanceRows.Partition(transition.Kind, transition.InstanceId);
        InstanceRows.EventIndex(transition.EventId);
        var pending = new PendingTransition(transition, new TaskCompletionSource<TransitionResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        var gate = gates.GetOrAdd(partition, _ => new InstanceGate());
        bool lead;
        lock (gate)
        {
            gate.Waiting.Add(pending);
            lead = !gate.Busy;
            gate.Busy = true;
        }

        return lead ? LeadAsync(partition, gate, pending, cancellationToken) : pending.Done.Task;
    }

    /// <summary>
    /// Events for one instance that arrive while a transition of it is being stored wait here and are then
    /// decided one after another and stored together in one transaction (a group commit): the same
    /// history as one by one, far fewer round trips, and no ETag race between workers of one process.
    /// </summary>
    private async Task<TransitionResult> LeadAsync(string partition, InstanceGate gate, PendingTransition own, CancellationToken cancellationToken)
    {
        while (true)
        {
            List<PendingTransition> group;
            lock (gate)
            {
                if (gate.Waiting.Count == 0)
                {
                    gate.Busy = false;
                    gates.TryRemove(KeyValuePair.Create(partition, gate));
                    break;
                }

                group = [.. gate.Waiting.Take(MaxGroup)];
                gate.Waiting.RemoveRange(0, group.Count);
            }

            try
            {
                var deferred = await RunGroupAsync(partition, group, cancellationToken).ConfigureAwait(false);
                if (deferred.Count > 0)
                {
                    lock (gate)
                    {
                        gate.Waiting.InsertRange(0, deferred);
                    }
                }
            }
#pragma warning disable CA1031 // Whatever stopped the group is each of its callers' failure.
            catch (Exception e)
#pragma warning restore CA1031
            {
                foreach (var pending in group)
                {
                    pending.Done.TrySetException(e);
                }
            }
        }

        return await own.Done.Task.ConfigureAwait(false);
    }

    /// <summary>Decides and stores a group of transitions of one instance; returns those that did not fit in the transaction.</summary>
    private async Task<List<PendingTransition>> RunGroupAsync(string partition, List<PendingTransition> group, CancellationToken cancellationToken)
    {
        var kind = group[0].Transition.Kind;
        var registration = registry.Get(kind);
        var table = await InstancesAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            // The first try reads only the state row: a repeated event id then fails the commit on its
            // event-id row, and the retry, which reads those rows too, reports the duplicate.
            var stateTask = table.GetAsync(partition, InstanceRows.State, cancellationToken);
            var seen = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
            if (attempt > 0)
            {
                var ids = group.Select(p => p.Transition.EventId).Distinct(StringComparer.Ordinal).ToList();
                var rows = await Task.WhenAll(ids.Select(id => table.GetAsync(partition, InstanceRows.EventIndex(id), cancellationToken))).ConfigureAwait(false);
                for (var i = 0; i < ids.Count; i++)
                {
                    if (rows[i] is { } found)
                    {
                        seen[ids[i]] = found;
                    }
                }
            }

            var row = await stateTask.ConfigureAwait(false);
            var exists = row is not null;
            var (state, stateJson) = row is null
                ? (registration.Workflow.Initial, Json.Serialize(registration.Workflow.Initial))
                : await ReadStateAsync(registration, row, cancellationToken).ConfigureAwait(false);
            var terminated = row?.GetBoolean("Terminated") == true;
            var status = row?.GetString("Status");
            var sequence = row?.GetInt64("Sequence") ?? 0;
            var outcomes = new Dictionary<PendingTransition, Func<TransitionResult>>();
            var failures = new Dictionary<PendingTransition, Exception>();
            var staged = new List<StagedTransition>();
            var stagedIds = new Dictionary<string, StagedTransition>(StringComparer.Ordinal);
            var deferred = new List<PendingTransition>();
            var finishOutbox = row?.GetBoolean("OutboxPending") == true;
            var actionCount = 1;
            foreach (var pending in group)
            {
                var transition = pending.Transition;
                if (deferred.Count > 0)
                {
                    deferred.Add(pending);
                    continue;
                }

                if (seen.TryGetValue(transition.EventId, out var known))
                {
                    finishOutbox = true;
                    outcomes[pending] = () => new TransitionResult(
                        Enum.Parse<Outcome>(known.GetString("Outcome") ?? nameof(Outcome.Applied)), known.GetString("Reason"), known.GetInt64("Sequence") ?? 0, true, status);
                    continue;
                }

                if (stagedIds.TryGetValue(transition.EventId, out var twin))
                {
                    outcomes[pending] = () => new TransitionResult(twin.Decision.Outcome, twin.Decision.Reason, twin.Sequence, true, status);
                    continue;
                }

                if (exists && transition.Start)
                {
                    finishOutbox = true;
                    outcomes[pending] = () => new TransitionResult(Outcome.Ignored, $"The {kind} instance '{transition.InstanceId}' is already started.", 0, true, status);
                    continue;
                }

                if (!exists && !transition.Start)
                {
                    failures[pending] = new WorkflowNotFoundException($"No {kind} instance '{transition.InstanceId}' was started; {transition.EventType} cannot be applied.");
                    continue;
                }

                Decision decision;
                try
                {
                    decision = transition.Decide!(state, terminated);
                }
#pragma warning disable CA1031 // A decider that throws fails its own event, not the others of the group.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    failures[pending] = e;
                    continue;
                }

                if (!exists && decision.Outcome != Outcome.Applied)
                {
                    outcomes[pending] = () => new TransitionResult(decision.Outcome, decision.Reason, 0, false, null);
                    continue;
                }

                var applied = decision.Outcome == Outcome.Applied;
                var terminating = applied && transition.TerminationReason is not null;
                var newStatus = terminating ? TerminatedType : applied ? decision.State!.Status : status!;
                var statusChanged = !string.Equals(status, newStatus, StringComparison.Ordinal);
                var needed = 2 + (decision.Effects.IsDefault ? 0 : decision.Effects.Length) + (statusChanged ? 1 : 0);
                if (staged.Count > 0 && actionCount + needed > Table.MaxBatchEntities)
                {
                    deferred.Add(pending);
                    continue;
                }

                var step = new StagedTransition(pending, decision, sequence + 1, state, status, newStatus, terminating);
                staged.Add(step);
                stagedIds[transition.EventId] = step;
                actionCount += needed;
                sequence++;
                exists = true;
                status = newStatus;
                if (applied)
                {
                    terminated |= terminating;
                    if (!terminating)
                    {
                        state = decision.State!;
                        stateJson = Json.Serialize(state);
                    }
                }

                var result = new TransitionResult(decision.Outcome, decision.Reason, step.Sequence, false, newStatus);
                outcomes[pending] = () => result;
            }

            if (staged.Count > 0)
            {
                var actions = await BuildAsync(partition, registration, row, staged, state, stateJson, terminated, LargeValueStore.InlineLimit, cancellationToken).ConfigureAwait(false);
                if (actions.Sum(a => Table.CheckEntity(a.Entity)) > Table.MaxBatchBytes * 3 / 4)
                {
                    // Several long values together would pass 4 MiB: keep every long one in a blob instead.
                    actions = await BuildAsync(partition, registration, row, staged, state, stateJson, terminated, 2_000, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    await table.SubmitAsync(actions, cancellationToken).ConfigureAwait(false);
                }
                catch (StorageConflictException) when (attempt + 1 < Options.MaxConflictRetries)
                {
                    // Another worker changed the instance (or took one of these events) first: reload and decide again.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 + (attempt * 5))), cancellationToken).ConfigureAwait(false);
                    continue;
                }
                catch (StorageConflictException e)
                {
                    throw new WorkflowConflictException($"The {kind} instance '{group[0].Transition.InstanceId}' kept changing; {group.Count} events were not applied after {Options.MaxConflictRetries} tries.", e);
                }

                Faults?.At(FaultPoint.AfterCommitBeforeOutbox, string.Join(",", staged.Select(s => s.Pending.Transition.EventId)));
                finishOutbox |= actions.Count > 1 + (2 * staged.Count);
            }

            if (finishOutbox)
            {
                await RunOutboxAsync(table, kind, group[0].Transition.InstanceId, cancellationToken).ConfigureAwait(false);
            }

            foreach (var (pending, outcome) in outcomes)
            {
                pending.Done.TrySetResult(outcome());
            }

            foreach (var (pending, failure) in failures)
            {
                pending.Done.TrySetException(failure);
            }

            return deferred;
        }
    }

    private async Task<List<TableTransactionAction>> BuildAsync(
        string partition, WorkflowRegistration registration, TableEntity? row, List<StagedTransition> staged,
        IWorkflowState state, string stateJson, bool terminated, int inlineLimit, CancellationToken cancellationToken)
    {
        var last = staged[^1];
        var lastTransition = last.Pending.Transition;
        var pendingOutbox = staged.Any(s => (!s.Decision.Effects.IsDefault && s.Decision.Effects.Length > 0) || !string.Equals(s.StatusBefore, s.StatusAfter, StringComparison.Ordinal));
        var stateRow = new TableEntity(partition, InstanceRows.State)
        {
            ["Kind"] = lastTransition.Kind,
            ["InstanceId"] = lastTransition.InstanceId,
            ["StateType"] = state.GetType().Name,
            ["SchemaVersion"] = registration.SchemaVersion,
            ["Status"] = last.StatusAfter,
            ["IsFinal"] = terminated || state.IsFinal,
            ["Terminated"] = terminated,
            ["Sequence"] = last.Sequence,
            ["LastEventId"] = lastTransition.EventId,
            ["LastEventType"] = lastTransition.EventType,
            ["LastEventAt"] = lastTransition.Now.ToDateTimeOffset(),
            ["LastActor"] = lastTransition.Actor,
            ["LastOutcome"] = last.Decision.Outcome.ToString(),
            ["LastReason"] = last.Decision.Reason,
            ["CreatedAt"] = row?.GetDateTimeOffset("CreatedAt") ?? staged[0].Pending.Transition.Now.ToDateTimeOffset(),
            ["UpdatedAt"] = clock.GetCurrentInstant().ToDateTimeOffset(),

            // Tells the next transition whether an outbox may be left over, so one without effects skips the query.
            ["OutboxPending"] = pendingOutbox,
        };
        foreach (var kept in new[] { "FailureEventId", "FailureReason", "FailedAt", "FailureDeliveries", "CustomStatus", "TerminationReason" })
        {
            if (row is not null && row.TryGetValue(kept, out var value))
            {
                stateRow[kept] = value;
            }
        }

        if (staged.FirstOrDefault(s => s.Terminating) is { } termination)
        {
            stateRow["TerminationReason"] = termination.Pending.Transition.TerminationReason;
        }

        await values.WriteAsync(stateRow, "StateJson", stateJson, inlineLimit, cancellationToken).ConfigureAwait(false);
        var actions = new List<TableTransactionAction>
        {
            row is null
                ? new TableTransactionAction(TableTransactionActionType.Add, stateRow)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, stateRow, row.ETag),
        };

        foreach (var step in staged)
        {
            var transition = step.Pending.Transition;
            var decision = step.Decision;
            var effects = decision.Effects.IsDefault ? [] : decision.Effects;
            var history = new TableEntity(partition, InstanceRows.History(step.Sequence))
            {
                ["Sequence"] = step.Sequence,
                ["EventId"] = transition.EventId,
                ["EventType"] = transition.EventType,
                ["At"] = transition.Now.ToDateTimeOffset(),
                ["Actor"] = transition.Actor,
                ["Outcome"] = decision.Outcome.ToString(),
                ["Reason"] = decision.Reason,
                ["StatusAfter"] = step.StatusAfter,
            };
            await values.WriteAsync(history, "EventJson", transition.EventJson, inlineLimit, cancellationToken).ConfigureAwait(false);
            await values.WriteAsync(history, "EffectsJson", Json.Serialize(effects), inlineLimit, cancellationToken).ConfigureAwait(false);
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, history));
            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, InstanceRows.EventIndex(transition.EventId))
            {
                ["Sequence"] = step.Sequence,
                ["Outcome"] = decision.Outcome.ToString(),
                ["Reason"] = decision.Reason,
            }));

            for (var i = 0; i < effects.Length; i++)
            {
                var outbox = new TableEntity(partition, InstanceRows.Outbox(step.Sequence, i)) { ["Type"] = effects[i].GetType().Name };
                if (effects[i] is CancelTimer cancel && step.StateBefore.Timers.Active.Values.FirstOrDefault(t => t.Token == cancel.Token) is { } timer)
                {
                    // The index row lives in the partition of the due time, which only the state that set it knows.
                    outbox["DueAt"] = timer.DueAt.ToDateTimeOffset();
                }

                await values.WriteAsync(outbox, "EffectJson", Json.Serialize(effects[i]), inlineLimit, cancellationToken).ConfigureAwait(false);
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, outbox));
            }

            if (!string.Equals(step.StatusBefore, step.StatusAfter, StringComparison.Ordinal))
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, InstanceRows.Outbox(step.Sequence, 999))
                {
                    ["Type"] = StatusIndexEffect,
                    ["OldStatus"] = step.StatusBefore,
                    ["NewStatus"] = step.StatusAfter,
                }));
            }
        }

        return actions;
    }

    private const string StatusIndexEffect = "StatusIndex";

    private async Task<(IWorkflowState State, string Json)> ReadStateAsync(WorkflowRegistration registration, TableEntity row, CancellationToken cancellationToken)
    {
        var json = await values.ReadAsync(row, "StateJson", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The state row of {row.PartitionKey} has no state.");
        var version = row.GetInt32("SchemaVersion") ?? 1;
        if (version > registration.SchemaVersion)
        {
            throw new WorkflowVersionException(
                $"{row.PartitionKey} was stored by schema version {version} of the {registration.Workflow.Kind} workflow; this code knows up to {registration.SchemaVersion} and will not touch it.");
        }

        if (version < registration.SchemaVersion)
        {
            var upgrade = registration.Upgrade ?? throw new WorkflowVersionException($"The {registration.Workflow.Kind} workflow has no upgrade from schema version {version}.");
            var node = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException($"The state of {row.PartitionKey} is not a JSON object.");
            json = upgrade(node, version).ToJsonString(Json.Options);
        }

        var state = (IWorkflowState?)JsonSerializer.Deserialize(json, registration.Workflow.StateType, Json.Options)
            ?? throw new InvalidDataException($"The state of {row.PartitionKey} is null.");
        return (state, json);
    }

    private async Task RunOutboxAsync(Table table, string kind, string instanceId, CancellationToken cancellationToken)
    {
        var partition = InstanceRows.Partition(kind, instanceId);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync(InstanceRows.Range(partition, 'o'), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        foreach (var row in rows)
        {
            var parts = row.RowKey.Split('|');
            var sequence = long.Parse(parts[1], CultureInfo.InvariantCulture);
            var index = int.Parse(parts[2], CultureInfo.InvariantCulture);
            if (row.GetString("Type") == StatusIndexEffect)
            {
                await UpdateStatusIndexAsync(table, kind, instanceId, row.GetString("OldStatus"), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                var effect = Json.DeserializeEffect(await values.ReadAsync(row, "EffectJson", cancellationToken).ConfigureAwait(false) ?? "null");
                await CarryOutAsync(kind, instanceId, sequence, index, effect, row.GetDateTimeOffset("DueAt"), cancellationToken).ConfigureAwait(false);
            }

            Faults?.At(FaultPoint.AfterEffectBeforeOutboxDelete, row.RowKey);
            await table.DeleteAsync(partition, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CarryOutAsync(string kind, string instanceId, long sequence, int index, Effect effect, DateTimeOffset? cancelDueAt, CancellationToken cancellationToken)
    {
        var source = $"workflow:{kind}/{instanceId}";
        switch (effect)
        {
            case SetTimer set:
                await TimerIndex.SetAsync(this, kind, instanceId, set, cancellationToken).ConfigureAwait(false);
                break;
            case CancelTimer cancel when cancelDueAt is { } dueAt:
                await TimerIndex.CancelAsync(this, kind, instanceId, cancel, Instant.FromDateTimeOffset(dueAt), cancellationToken).ConfigureAwait(false);
                break;
            case CancelTimer:
                break; // Never set through this engine; if it fires anyway its stale token is ignored.
            case StartWorkflow start:
                await EnqueueAsync(new EventEnvelope(start.Kind, start.InstanceId, EventIds.Derived(kind, instanceId, sequence, index), source, clock.GetCurrentInstant(), start.Start, Start: true), cancellationToken).ConfigureAwait(false);
                break;
            case SignalWorkflow signal:
                await EnqueueAsync(new EventEnvelope(signal.Kind, signal.InstanceId, EventIds.Derived(kind, instanceId, sequence, index), source, clock.GetCurrentInstant(), signal.Event), cancellationToken).ConfigureAwait(false);
                break;
            case Notify notify:
                await notifications.EnqueueAsync(new NotificationRequest(kind, instanceId, sequence, notify), cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new NotSupportedException($"The engine cannot carry out a {effect.GetType().Name} effect.");
        }
    }

    private async Task UpdateStatusIndexAsync(Table table, string kind, string instanceId, string? oldStatus, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(WorkflowStorageNames.StatusIndex, cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(InstanceRows.Partition(kind, instanceId), InstanceRows.State, cancellationToken).ConfigureAwait(false);
        var current = row?.GetString("Status");
        var instanceKey = TableKey.Escape(instanceId);
        if (current is not null)
        {
            // The status read now, not the one of the transition: a late re-run must not bring back an old status.
            await index.UpsertAsync(new TableEntity(TableKey.Join(kind, current), instanceKey)
            {
                ["InstanceId"] = instanceId,
                ["Status"] = current,
                ["UpdatedAt"] = row!.GetDateTimeOffset("UpdatedAt"),
            }, cancellationToken).ConfigureAwait(false);
        }

        if (oldStatus is not null && !string.Equals(oldStatus, current, StringComparison.Ordinal))
        {
            await index.DeleteAsync(TableKey.Join(kind, oldStatus), instanceKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];

    // Compared by reference: two deliveries of one event are two waiting callers.
    private sealed class PendingTransition(Transition transition, TaskCompletionSource<TransitionResult> done)
    {
        public Transition Transition { get; } = transition;

        public TaskCompletionSource<TransitionResult> Done { get; } = done;
    }

    private sealed record StagedTransition(
        PendingTransition Pending, Decision Decision, long Sequence, IWorkflowState StateBefore, string? StatusBefore, string StatusAfter, bool Terminating);

    private sealed class InstanceGate
    {
        public List<PendingTransition> Waiting { get; } = [];

        public bool Busy { get; set; }
    }

    private sealed record Transition(string Kind, string InstanceId, string EventId, string Actor, Instant Now, string EventType, string EventJson, bool Start)
    {
        public Func<IWorkflowState, bool, Decision>? Decide { get; init; }

        public string? TerminationReason { get; init; }
    }
}
