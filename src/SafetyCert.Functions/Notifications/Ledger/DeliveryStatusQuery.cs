using NodaTime;
using NodaTime.Text;

namespace SafetyCert.Functions.Notifications.Ledger;

/// <summary>What the status API shows: every delivery, attempt and outcome, per enterprise or per notice.</summary>
internal sealed class DeliveryStatusQuery(DeliveryLedger ledger)
{
    /// <summary>Every delivery about one enterprise (fact <c>enterpriseId</c>), oldest first.</summary>
    public async Task<IReadOnlyList<DeliveryView>> ForEnterpriseAsync(string enterpriseId, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterpriseId);
        var rows = new List<DeliveryView>();
        await foreach (var d in ledger.ForEnterpriseAsync(enterpriseId, ct).ConfigureAwait(false))
        {
            rows.Add(DeliveryView.Of(d));
        }

        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.DeliveryId, StringComparer.Ordinal)];
    }

    /// <summary>Every delivery of one notice (all recipients and channels, fallbacks included), oldest first.</summary>
    public async Task<IReadOnlyList<DeliveryView>> ForNoticeAsync(string workflowKind, string instanceId, string noticeKind, LocalDate dueDate, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workflowKind);
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(noticeKind);
        var due = LocalDatePattern.Iso.Format(dueDate);
        var rows = new List<DeliveryView>();
        await foreach (var d in ledger.ForInstanceAsync(workflowKind, instanceId, ct).ConfigureAwait(false))
        {
            if (d.NoticeKind == noticeKind && d.DueDate == due)
            {
                rows.Add(DeliveryView.Of(d));
            }
        }

        return [.. rows.OrderBy(r => r.CreatedAt).ThenBy(r => r.DeliveryId, StringComparer.Ordinal)];
    }
}
