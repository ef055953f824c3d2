using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// The workflows' tables beside Durable's task hub: the projection of each instance's current state (what lists,
/// searches and status reads answer from) and the audit trail of every decided event across generations. Both are
/// written by <see cref="TransitionActivities"/> idempotently: a re-run writes the same rows, and the projection only
/// moves forward.
/// </summary>
public sealed class WorkflowStore
{
    private const string StateRow = "state";
    private readonly StorageAccount storage;
    private readonly WorkflowSet workflows;
    private readonly LargeValueStore values;

    public WorkflowStore(StorageAccount storage, WorkflowSet workflows)
    {
        ArgumentNullException.ThrowIfNull(storage);
        this.storage = storage;
        this.workflows = workflows;
        values = new LargeValueStore(storage, WorkflowStorageNames.DataContainer);
    }

    internal static string Partition(string kind, string instanceId) => TableKey.Join(kind, instanceId);

    internal static string HistoryRow(long sequence) => "h|" + sequence.ToString("D19", CultureInfo.InvariantCulture);

    internal static string EventRow(string eventId) => "e|" + TableKey.Escape(eventId);

    /// <summary>
    /// Writes the audit row of a transition and moves the projection to its state. The event-id row that senders wait for
    /// is written here only when there is nothing left to carry out; otherwise <see cref="MarkDoneAsync"/> writes it once
    /// the effects are done, so a caller that sees its event recorded also finds its deadlines indexed and notices queued.
    /// A refused event adds no audit row: only its event-id row, which answers the sender waiting for it, so a caller
    /// repeating refused requests cannot grow the instance's history.
    /// </summary>
    public async Task RecordAsync(Transition transition, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        if (transition.Outcome == nameof(Outcome.Rejected))
        {
            await MarkDoneAsync(transition, cancellationToken).ConfigureAwait(false);
            return;
        }

        var partition = Partition(transition.Kind, transition.InstanceId);
        var audit = await storage.TableAsync(WorkflowStorageNames.Audit, cancellationToken).ConfigureAwait(false);
        var history = new TableEntity(partition, HistoryRow(transition.Sequence))
        {
            ["Sequence"] = transition.Sequence,
            ["EventId"] = transition.Event.EventId,
            ["EventType"] = transition.EventType,
            ["At"] = transition.Event.At,
            ["Actor"] = transition.Event.Actor,
            ["Outcome"] = transition.Outcome,
            ["Reason"] = transition.Reason,
            ["StatusAfter"] = transition.StatusAfter,
        };
        await values.WriteAsync(history, "EventJson", transition.Event.EventJson, cancellationToken: cancellationToken).ConfigureAwait(false);
        await values.WriteAsync(history, "EffectsJson", transition.EffectsJson, cancellationToken: cancellationToken).ConfigureAwait(false);
        await audit.UpsertAsync(history, cancellationToken).ConfigureAwait(false);

        if (transition.Outcome == nameof(Outcome.Applied))
        {
            await ProjectAsync(transition, now, cancellationToken).ConfigureAwait(false);
        }

        if (!HasEffects(transition))
        {
            await MarkDoneAsync(transition, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether an applied transition has effects for <see cref="TransitionActivities"/> to carry out.</summary>
    public static bool HasEffects(Transition transition) =>
        transition.Outcome == nameof(Outcome.Applied) && transition.EffectsJson != "[]";

    /// <summary>Writes the event-id row a sender waits for: the event is decided and its effects carried out.</summary>
    public async Task MarkDoneAsync(Transition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var audit = await storage.TableAsync(WorkflowStorageNames.Audit, cancellationToken).ConfigureAwait(false);
        await audit.UpsertAsync(new TableEntity(Partition(transition.Kind, transition.InstanceId), EventRow(transition.Event.EventId))
        {
            ["Sequence"] = transition.Sequence,
            ["Outcome"] = transition.Outcome,
            ["Reason"] = transition.Reason,
            ["StatusAfter"] = transition.StatusAfter,
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The decider's refusal of an event that came after its instance completed, so the sender hears why instead of
    /// Durable dropping the event without a word. Nothing is written: a refused event leaves the instance as it was.
    /// </summary>
    public async Task<TransitionResult> DecideRefusalAsync(string kind, string instanceId, EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (await GetOutcomeAsync(kind, instanceId, envelope.EventId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known;
        }

        var status = await GetStatusAsync(kind, instanceId, cancellationToken).ConfigureAwait(false)
            ?? throw new WorkflowNotFoundException($"No {kind} instance '{instanceId}' was started.");
        var state = workflows.ReadState(kind, status.StateJson);
        var decision = workflows.Get(kind).Decide(state, workflows.Json.DeserializeEvent(envelope.EventJson), Instant.FromDateTimeOffset(envelope.At));
        return decision.Outcome == Outcome.Applied
            ? new TransitionResult(Outcome.Rejected, $"The {kind} instance has completed and takes no further event.", 0, false, status.Status)
            : new TransitionResult(decision.Outcome, decision.Reason, 0, false, status.Status);
    }

    /// <summary>What became of an event id, or null while the instance has not recorded it.</summary>
    public async Task<TransitionResult?> GetOutcomeAsync(string kind, string instanceId, string eventId, CancellationToken cancellationToken)
    {
        var audit = await storage.TableAsync(WorkflowStorageNames.Audit, cancellationToken).ConfigureAwait(false);
        var row = await audit.GetAsync(Partition(kind, instanceId), EventRow(eventId), cancellationToken).ConfigureAwait(false);
        return row is null
            ? null
            : new TransitionResult(
                Enum.Parse<Outcome>(row.GetString("Outcome") ?? nameof(Outcome.Applied)),
                row.GetString("Reason"),
                row.GetInt64("Sequence") ?? 0,
                false,
                row.GetString("StatusAfter"));
    }

    /// <summary>The instance's projected status, or null when it was never started.</summary>
    public async Task<WorkflowInstanceStatus?> GetStatusAsync(string kind, string instanceId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(WorkflowStorageNames.Instances, cancellationToken).ConfigureAwait(false);
        var row = await table.GetAsync(Partition(kind, instanceId), StateRow, cancellationToken).ConfigureAwait(false);
        return row is null ? null : await StatusOfAsync(row, kind, instanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The projected status of every instance of <paramref name="kind"/> (all kinds when null), final ones included unless
    /// <paramref name="runningOnly"/>. With a kind it reads only that kind's partitions (one key range, <c>{kind}|…</c>);
    /// without, the whole projection table. Either way it reads every instance of the kind: for reports and bounded lists.
    /// </summary>
    public async IAsyncEnumerable<WorkflowInstanceStatus> ListAsync(
        string? kind, bool runningOnly, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(WorkflowStorageNames.Instances, cancellationToken).ConfigureAwait(false);
        var filter = $"RowKey eq '{StateRow}'"
            + (kind is null ? "" : $" and PartitionKey gt '{Quote(TableKey.Escape(kind))}|' and PartitionKey lt '{Quote(TableKey.Escape(kind))}}}' and Kind eq '{Quote(kind)}'")
            + (runningOnly ? " and IsFinal eq false" : "");
        await foreach (var row in table.QueryAsync(filter, 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("Kind") is { } rowKind && row.GetString("InstanceId") is { } instanceId && workflows.Knows(rowKind))
            {
                yield return await StatusOfAsync(row, rowKind, instanceId, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<WorkflowInstanceStatus> StatusOfAsync(TableEntity row, string kind, string instanceId, CancellationToken cancellationToken)
    {
        var json = await values.ReadAsync(row, "StateJson", cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"The projection of {kind} '{instanceId}' has no state.");
        var state = workflows.ReadState(kind, json);
        var lastEvent = row.GetString("LastEventId") is { } lastId
            ? new EventRecord(
                row.GetInt64("Sequence") ?? 0,
                lastId,
                row.GetString("LastEventType") ?? "",
                Instant.FromDateTimeOffset(row.GetDateTimeOffset("LastEventAt") ?? default),
                row.GetString("LastActor") ?? "",
                Outcome.Applied,
                null)
            : null;
        return new WorkflowInstanceStatus(
            kind,
            instanceId,
            state.Status,
            state.IsFinal,
            json,
            state.Deadlines.IsDefault ? [] : state.Deadlines,
            [.. state.Timers.Active.Values],
            lastEvent,
            null,
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("CreatedAt") ?? default),
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("UpdatedAt") ?? default));
    }

    /// <summary>Up to <paramref name="pageSize"/> audit entries from <paramref name="fromSequence"/> on, oldest first.</summary>
    public async Task<HistoryPage> GetHistoryAsync(string kind, string instanceId, long fromSequence, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(fromSequence, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 1000);
        var audit = await storage.TableAsync(WorkflowStorageNames.Audit, cancellationToken).ConfigureAwait(false);
        var partition = Partition(kind, instanceId);
        var filter = $"PartitionKey eq '{Quote(partition)}' and RowKey ge '{HistoryRow(fromSequence)}' and RowKey lt 'h}}'";
        var entries = new List<HistoryEntry>(pageSize);
        await foreach (var row in audit.QueryAsync(filter, Math.Min(pageSize + 1, 1000), cancellationToken: cancellationToken).ConfigureAwait(false))
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

    private async Task ProjectAsync(Transition transition, Instant now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(WorkflowStorageNames.Instances, cancellationToken).ConfigureAwait(false);
        var partition = Partition(transition.Kind, transition.InstanceId);
        while (true)
        {
            var row = await table.GetAsync(partition, StateRow, cancellationToken).ConfigureAwait(false);
            if (row is not null && (row.GetInt64("Sequence") ?? 0) >= transition.Sequence)
            {
                return; // A re-run of an older transition must not bring back an older state.
            }

            var state = new TableEntity(partition, StateRow)
            {
                ["Kind"] = transition.Kind,
                ["InstanceId"] = transition.InstanceId,
                ["Status"] = transition.StatusAfter,
                ["IsFinal"] = transition.IsFinal,
                ["Sequence"] = transition.Sequence,
                ["LastEventId"] = transition.Event.EventId,
                ["LastEventType"] = transition.EventType,
                ["LastEventAt"] = transition.Event.At,
                ["LastActor"] = transition.Event.Actor,
                ["CreatedAt"] = row?.GetDateTimeOffset("CreatedAt") ?? transition.Event.At,
                ["UpdatedAt"] = now.ToDateTimeOffset(),
            };
            await values.WriteAsync(state, "StateJson", transition.StateJson, cancellationToken: cancellationToken).ConfigureAwait(false);
            try
            {
                if (row is null)
                {
                    await table.AddAsync(state, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.UpdateAsync(state, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (StorageConflictException)
            {
                // Another run of this activity wrote first: read again and decide whether ours is newer.
            }
        }
    }

    private static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
