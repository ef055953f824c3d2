using NodaTime;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Functions.Notifications.Digest;

/// <summary>One party's morning summary: due within the look-ahead, overdue, and yesterday's notices.</summary>
internal sealed record DailyDigest(
    string Scope,
    LocalDate Date,
    IReadOnlyList<DigestDeadline> DueSoon,
    IReadOnlyList<DigestDeadline> Overdue,
    IReadOnlyList<Delivery> Yesterday,
    string Subject,
    string Body)
{
    public bool IsEmpty => DueSoon.Count == 0 && Overdue.Count == 0 && Yesterday.Count == 0;
}
