using System.Text;
using Azure.Data.Tables;

namespace SafetyCert.Host.Tests.Faults;

/// <summary>
/// What Durable's Azure Storage provider holds about one orchestration instance (its row in <c>{hub}Instances</c> and its
/// <c>{hub}History</c> rows), written into a failure message so a stuck instance can be diagnosed after Azurite is gone.
/// </summary>
internal static class TaskHubRecords
{
    public static async Task<string> DescribeAsync(string connectionString, string taskHub, string durableId, CancellationToken cancellationToken)
    {
        var text = new StringBuilder($"Durable records of '{durableId}' in task hub {taskHub}:");
        try
        {
            var instances = new TableClient(connectionString, $"{taskHub}Instances");
            await foreach (var row in instances.QueryAsync<TableEntity>(e => e.PartitionKey == durableId, cancellationToken: cancellationToken))
            {
                text.Append($"\n  instance: {row.GetString("RuntimeStatus")}, execution {row.GetString("ExecutionId")}, updated {row.GetDateTimeOffset("LastUpdatedTime"):O}");
            }

            var history = new TableClient(connectionString, $"{taskHub}History");
            var rows = new List<TableEntity>();
            await foreach (var row in history.QueryAsync<TableEntity>(e => e.PartitionKey == durableId, cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }

            text.Append($"\n  history: {rows.Count} row(s)");
            foreach (var row in rows.TakeLast(30))
            {
                text.Append($"\n    {row.RowKey} {row.GetString("EventType")} execution {row.GetString("ExecutionId")} {row.GetString("Name")} {row.GetDateTimeOffset("_Timestamp"):O}");
            }
        }
        catch (Azure.RequestFailedException e)
        {
            text.Append($"\n  (could not be read: {e.Message})");
        }

        return text.ToString();
    }
}
