using System.Security.Cryptography;
using System.Text;
namespace SafetyCert.Functions.Notifications.Ledger;

/// <summary>
/// The deterministic identity of a delivery: (workflow kind | instance, notice kind, due date, recipient scope,
/// channel). The channel is the contact's id (<c>01-email</c>), so two channels of one kind stay apart. PartitionKey = <c>{workflowKind}|{instanceId}</c> (escaped), so every delivery of one instance reads
/// in one partition; RowKey = the first 32 hex digits of SHA-256 over the whole key. The delivery id is
/// <c>{PartitionKey}~{RowKey}</c>; it also serves as e-mail Message-ID seed and as the idempotency id robots
/// and webhooks receive.
/// </summary>
internal static class DeliveryKey
{
    private const char Separator = '~';

    public static string PartitionKey(string workflowKind, string instanceId) =>
        TableKeys.Escape($"{workflowKind}|{instanceId}").Replace("~", "%7E", StringComparison.Ordinal);

    public static string Id(string workflowKind, string instanceId, string noticeKind, string dueDate, string scope, string contactId)
    {
        var canonical = string.Join('\n', workflowKind, instanceId, noticeKind, dueDate, scope, contactId);
        var row = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..32];
        return $"{PartitionKey(workflowKind, instanceId)}{Separator}{row}";
    }

    public static (string PartitionKey, string RowKey) Split(string deliveryId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deliveryId);
        var at = deliveryId.LastIndexOf(Separator);
        if (at <= 0 || deliveryId.Length - at - 1 != 32)
        {
            throw new ArgumentException($"'{deliveryId}' is not a delivery id.", nameof(deliveryId));
        }

        return (deliveryId[..at], deliveryId[(at + 1)..]);
    }
}
