using System.Globalization;
using SafetyCert.Engine.Storage;

namespace SafetyCert.Engine.Workflows;

/// <summary>
/// The row keys of an instance partition. RowKeys sort so that each kind of row is one range:
/// <c>e|…</c> event ids, <c>h|…</c> history by sequence, <c>o|…</c> outbox by sequence and effect, <c>state</c>.
/// </summary>
internal static class InstanceRows
{
    public const string State = "state";

    public static string Partition(string kind, string instanceId) => TableKey.Join(kind, instanceId);

    public static string History(long sequence) => "h|" + sequence.ToString("D12", CultureInfo.InvariantCulture);

    public static string Outbox(long sequence, int index) =>
        $"o|{sequence.ToString("D12", CultureInfo.InvariantCulture)}|{index.ToString("D3", CultureInfo.InvariantCulture)}";

    public static string EventIndex(string eventId) => "e|" + TableKey.Escape(eventId);

    /// <summary>An OData filter for one kind of row in one partition: <c>h</c>, <c>o</c> or <c>e</c>.</summary>
    public static string Range(string partition, char kind, string? fromRowKey = null) =>
        $"PartitionKey eq '{Quote(partition)}' and RowKey ge '{Quote(fromRowKey ?? kind + "|")}' and RowKey lt '{kind}}}'";

    public static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);
}
