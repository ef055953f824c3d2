using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Workflows;

/// <summary>
/// The due index: one row per set business deadline in the partition of its due hour (UTC, <c>yyyyMMddHH</c>), so a
/// sweep reads only the hours that are due, however many deadlines lie years ahead, and the ledger and digests can
/// query what falls due. Deadlines are rows rather than durable timers: Durable would chain a three-year wait as
/// hundreds of three-day timers, and the development clock could not move them.
/// </summary>
public sealed class DueIndex(StorageAccount storage, WorkflowClients clients, WorkflowSet workflows, IClock clock)
{
    private static readonly InstantPattern HourPattern = InstantPattern.CreateWithInvariantCulture("uuuuMMddHH");

    public static string Partition(Instant dueAt) => HourPattern.Format(HourOf(dueAt));

    public static Instant HourOf(Instant instant) =>
        Instant.FromUnixTimeTicks(instant.ToUnixTimeTicks() - (instant.ToUnixTimeTicks() % NodaConstants.TicksPerHour));

    public static Instant ParseHour(string partition) => HourPattern.Parse(partition).Value;

    public static string Row(string kind, string instanceId, string timerId, string token) => TableKey.Join(kind, instanceId, timerId, token);

    public static string Format(Instant hour) => HourPattern.Format(hour);

    /// <summary>An OData filter on the <c>DueAt</c> column: due at or before <paramref name="now"/>.</summary>
    internal static string DueBy(Instant now) =>
        $"DueAt le datetime'{now.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture)}'";

    internal WorkflowClients Clients => clients;

    public Task<Table> TableAsync(CancellationToken cancellationToken) => storage.TableAsync(WorkflowStorageNames.Timers, cancellationToken);

    /// <summary>
    /// Writes the index row. A deadline already due gets no row, because its hour may already be behind the sweep's
    /// watermark (a clock moved far ahead sets deadlines in the past): its firing is returned, for the instance to take next.
    /// </summary>
    public async Task<EventEnvelope?> SetAsync(string kind, string instanceId, SetTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var now = clock.GetCurrentInstant();
        if (timer.DueAt <= now)
        {
            return new EventEnvelope(EventIds.Timer(timer.TimerId, timer.Token), "timer", now.ToDateTimeOffset(), workflows.Json.Serialize(new TimerFired(timer.TimerId, timer.Token)));
        }

        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(Partition(timer.DueAt), Row(kind, instanceId, timer.TimerId, timer.Token))
        {
            ["Kind"] = kind,
            ["InstanceId"] = instanceId,
            ["TimerId"] = timer.TimerId,
            ["Token"] = timer.Token,
            ["DueAt"] = timer.DueAt.ToDateTimeOffset(),
            ["Purpose"] = timer.Purpose,
        }, cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async Task CancelAsync(string kind, string instanceId, CancelTimer timer, Instant dueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        await table.DeleteAsync(Partition(dueAt), Row(kind, instanceId, timer.TimerId, timer.Token), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The earliest due time of the deadlines already due and not yet fired (a fired row is deleted), or null when none
    /// is waiting: the sweep's lag is now minus this. Reads only the earliest due-hour partition that holds such a row.
    /// </summary>
    public async Task<Instant?> OldestPendingAsync(Instant now, CancellationToken cancellationToken)
    {
        var table = await TableAsync(cancellationToken).ConfigureAwait(false);
        Instant? oldest = null;
        string? first = null;
        await foreach (var row in table.QueryAsync($"PartitionKey le '{Partition(now)}' and {DueBy(now)}", 100, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            first ??= row.PartitionKey;
            if (row.PartitionKey != first)
            {
                break;
            }

            if (row.GetDateTimeOffset("DueAt") is { } due && (oldest is null || Instant.FromDateTimeOffset(due) < oldest))
            {
                oldest = Instant.FromDateTimeOffset(due);
            }
        }

        return oldest;
    }

    /// <summary>Raises the timer's firing into its instance (event id = timer id + token, so a repeat is harmless).</summary>
    public Task<Delivery> FireAsync(DurableTaskClient durable, string kind, string instanceId, string timerId, string token, Instant now, CancellationToken cancellationToken) =>
        clients.For(durable).RaiseAsync(kind, instanceId, new TimerFired(timerId, token), EventIds.Timer(timerId, token), "timer", now.ToDateTimeOffset(), cancellationToken);
}
