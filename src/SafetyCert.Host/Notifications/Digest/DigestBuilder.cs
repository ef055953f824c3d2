using System.Text;
using NodaTime;
using SafetyCert.Host.Notifications.Contacts;
using SafetyCert.Host.Notifications.Ledger;

namespace SafetyCert.Host.Notifications.Digest;

/// <summary>
/// Composes a daily digest from the data handed in; pure, so a test can feed it rows directly. Chinese first,
/// English below.
/// </summary>
internal static class DigestBuilder
{
    public static DailyDigest Build(string scope, LocalDate today, int lookaheadDays, IEnumerable<DigestDeadline> deadlines, IEnumerable<Delivery> yesterday)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookaheadDays, 1);
        var open = deadlines.ToList();
        var until = today.PlusDays(lookaheadDays);
        var dueSoon = open.Where(d => d.Due >= today && d.Due <= until).OrderBy(d => d.Due).ThenBy(d => d.EnterpriseId, StringComparer.Ordinal).ToList();
        var overdue = open.Where(d => d.Due < today).OrderBy(d => d.Due).ThenBy(d => d.EnterpriseId, StringComparer.Ordinal).ToList();
        var happened = yesterday.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

        var zh = new StringBuilder();
        zh.AppendLine($"{NoticeRenderer.ChineseDate(today)}每日摘要（{scope}）");
        zh.AppendLine();
        zh.AppendLine($"已超期（{overdue.Count}）：");
        foreach (var d in overdue)
        {
            zh.AppendLine($"- {Who(d)} {d.Name}，应于{NoticeRenderer.ChineseDate(d.Due)}完成{Certificate(d, "，证书编号")}；依据：{d.Rule}");
        }

        zh.AppendLine($"未来{lookaheadDays}天到期（{dueSoon.Count}）：");
        foreach (var d in dueSoon)
        {
            zh.AppendLine($"- {Who(d)} {d.Name}，{NoticeRenderer.ChineseDate(d.Due)}到期{Certificate(d, "，证书编号")}；依据：{d.Rule}");
        }

        zh.AppendLine($"昨日通知（{happened.Count}）：");
        foreach (var d in happened)
        {
            zh.AppendLine($"- {d.NoticeKind} → {d.Scope}（{d.Channel}，{d.Status}）");
        }

        var en = new StringBuilder();
        en.AppendLine($"Daily digest for {scope}, {NoticeRenderer.EnglishDate(today)}");
        en.AppendLine();
        en.AppendLine($"Overdue ({overdue.Count}):");
        foreach (var d in overdue)
        {
            en.AppendLine($"- {Who(d)} {d.Name}, due {NoticeRenderer.EnglishDate(d.Due)}{Certificate(d, ", certificate")}; rule: {d.Rule}");
        }

        en.AppendLine($"Due in the next {lookaheadDays} days ({dueSoon.Count}):");
        foreach (var d in dueSoon)
        {
            en.AppendLine($"- {Who(d)} {d.Name}, due {NoticeRenderer.EnglishDate(d.Due)}{Certificate(d, ", certificate")}; rule: {d.Rule}");
        }

        en.AppendLine($"Notices yesterday ({happened.Count}):");
        foreach (var d in happened)
        {
            en.AppendLine($"- {d.NoticeKind} → {d.Scope} ({d.Channel}, {d.Status})");
        }

        var subject = $"【安全生产标准化】每日摘要 {NoticeRenderer.ChineseDate(today)}：超期{overdue.Count}项，30天内到期{dueSoon.Count}项 | [SafetyCert] Daily digest";
        return new DailyDigest(scope, today, dueSoon, overdue, happened, subject, $"{zh}\n————————\n\n{en}");
    }

    /// <summary>Whether a notice concerns what the digest's party oversees: its own review work, or its region.</summary>
    public static bool Concerns(string scope, Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var parts = scope.Split(':');
        if (parts is ["review-organization", var id])
        {
            return delivery.Facts.GetValueOrDefault(RecipientScope.ReviewOrganizationId) == id || delivery.Scope == scope;
        }

        if (parts is ["regulator", var code, var level] && delivery.Facts.GetValueOrDefault(RecipientScope.RegionCode) is { } region)
        {
            var prefix = level switch { "national" => "", "provincial" => code[..2], _ => code[..4] };
            return region.StartsWith(prefix, StringComparison.Ordinal);
        }

        return delivery.Scope == scope;
    }

    private static string Who(DigestDeadline d) => d.EnterpriseName ?? d.EnterpriseId;

    private static string Certificate(DigestDeadline d, string label) => d.CertificateNumber is null ? "" : $"{label} {d.CertificateNumber}";
}
