using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;

namespace SafetyCert.Functions.Notifications.Ledger;

/// <summary>
/// The table <c>{prefix}deliveries</c> (keys in <see cref="DeliveryKey"/>). Rows are inserted only if absent, and
/// every later change is an ETag-guarded replace, so two senders never both claim one delivery.
/// </summary>
internal sealed class DeliveryLedger(TableClient table)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Inserts the row; false when a row with that id already exists (HTTP 409).</summary>
    public async Task<bool> TryAddAsync(Delivery delivery, CancellationToken ct)
    {
        try
        {
            await table.AddEntityAsync(ToEntity(delivery), ct).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Delivery?> GetAsync(string deliveryId, CancellationToken ct)
    {
        var (partition, row) = DeliveryKey.Split(deliveryId);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: ct).ConfigureAwait(false);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    /// <summary>Replaces the row if nobody changed it since it was read; null when somebody did (HTTP 412).</summary>
    public async Task<Delivery?> TryUpdateAsync(Delivery delivery, CancellationToken ct)
    {
        try
        {
            var response = await table.UpdateEntityAsync(ToEntity(delivery), delivery.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
            return delivery with { ETag = response.Headers.ETag ?? default };
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    /// <summary>Deliveries waiting or claimed whose next attempt is at or before <paramref name="now"/>.</summary>
    public IAsyncEnumerable<Delivery> DueAsync(DateTimeOffset now, CancellationToken ct) =>
        QueryAsync(
            TableClient.CreateQueryFilter($"NextAttemptAt le {now} and (Status eq {nameof(DeliveryStatus.Pending)} or Status eq {nameof(DeliveryStatus.Held)} or Status eq {nameof(DeliveryStatus.Sending)})"),
            ct);

    /// <summary>Deliveries that found their party without a contact (a filtered scan; few rows match).</summary>
    public IAsyncEnumerable<Delivery> UndeliverableAsync(CancellationToken ct) =>
        QueryAsync(TableClient.CreateQueryFilter($"Status eq {nameof(DeliveryStatus.Undeliverable)}"), ct);

    /// <summary>Every delivery of one workflow instance.</summary>
    public IAsyncEnumerable<Delivery> ForInstanceAsync(string workflowKind, string instanceId, CancellationToken ct) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {DeliveryKey.PartitionKey(workflowKind, instanceId)}"), ct);

    /// <summary>Every delivery about one enterprise, to whichever party it went (a filtered scan).</summary>
    public IAsyncEnumerable<Delivery> ForEnterpriseAsync(string enterpriseId, CancellationToken ct) =>
        QueryAsync(TableClient.CreateQueryFilter($"EnterpriseId eq {enterpriseId}"), ct);

    /// <summary>Deliveries created in [from, to), for the daily digest.</summary>
    public IAsyncEnumerable<Delivery> CreatedBetweenAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        QueryAsync(TableClient.CreateQueryFilter($"CreatedAt ge {from} and CreatedAt lt {to}"), ct);

    private async IAsyncEnumerable<Delivery> QueryAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: ct).ConfigureAwait(false))
        {
            yield return FromEntity(entity);
        }
    }

    private static TableEntity ToEntity(Delivery d)
    {
        var (partition, row) = DeliveryKey.Split(d.Id);
        return new TableEntity(partition, row)
        {
            ["WorkflowKind"] = d.WorkflowKind,
            ["InstanceId"] = d.InstanceId,
            ["Sequence"] = d.Sequence,
            ["NoticeKind"] = d.NoticeKind,
            ["DueDate"] = d.DueDate,
            ["Class"] = d.Class.ToString(),
            ["Rule"] = d.Rule,
            ["Recipient"] = d.Recipient.ToString(),
            ["Scope"] = d.Scope,
            ["Channel"] = d.Channel.ToString(),
            ["ContactId"] = d.ContactId,
            ["EnterpriseId"] = d.EnterpriseId,
            ["Facts"] = JsonSerializer.Serialize(d.Facts, Json),
            ["Subject"] = d.Subject,
            ["Body"] = d.Body,
            ["Status"] = d.Status.ToString(),
            ["CreatedAt"] = d.CreatedAt,
            ["NextAttemptAt"] = d.NextAttemptAt,
            ["SendingSince"] = d.SendingSince,
            ["AttemptCount"] = d.Attempts.Count,
            ["Attempts"] = JsonSerializer.Serialize(d.Attempts, Json),
            ["FallbackOf"] = d.FallbackOf,
            ["TraceParent"] = d.TraceParent,
        };
    }

    private static Delivery FromEntity(TableEntity e) => new()
    {
        Id = $"{e.PartitionKey}~{e.RowKey}",
        WorkflowKind = e.GetString("WorkflowKind"),
        InstanceId = e.GetString("InstanceId"),
        Sequence = e.GetInt64("Sequence") ?? 0,
        NoticeKind = e.GetString("NoticeKind"),
        DueDate = e.GetString("DueDate"),
        Class = Enum.Parse<NoticeClass>(e.GetString("Class")),
        Rule = e.GetString("Rule") ?? "",
        Recipient = Enum.Parse<Party>(e.GetString("Recipient")),
        Scope = e.GetString("Scope"),
        Channel = Enum.Parse<ChannelKind>(e.GetString("Channel")),
        ContactId = e.GetString("ContactId"),
        Facts = JsonSerializer.Deserialize<Dictionary<string, string>>(e.GetString("Facts") ?? "{}", Json) ?? [],
        Subject = e.GetString("Subject") ?? "",
        Body = e.GetString("Body") ?? "",
        Status = Enum.Parse<DeliveryStatus>(e.GetString("Status")),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? default,
        NextAttemptAt = e.GetDateTimeOffset("NextAttemptAt") ?? default,
        SendingSince = e.GetDateTimeOffset("SendingSince"),
        Attempts = JsonSerializer.Deserialize<List<DeliveryAttempt>>(e.GetString("Attempts") ?? "[]", Json) ?? [],
        FallbackOf = e.GetString("FallbackOf"),
        TraceParent = e.GetString("TraceParent"),
        ETag = e.ETag,
    };
}
