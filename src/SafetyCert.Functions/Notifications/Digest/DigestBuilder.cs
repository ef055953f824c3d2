using System.Text;
using NodaTime;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Functions.Notifications.Digest;

/// <summary>
/// Composes a daily digest from the data handed in; pure, so a test can feed it rows directly. Chinese first,
/// English below.
/// </summary>
internal static class DigestBuilder
{
    // A ledger row holds at most 64 KiB of text per property; past this many lines a section says how many it left out.
    internal const int MaxLinesPerSection = 100;

    /// <param name="names">Enterprise names by id, for deadlines and notices whose facts carry no name.</param>
    public static DailyDigest Build(NoticeRenderer words, string scope, LocalDate today, int lookaheadDays, IEnumerable<DigestDeadline> deadlines, IEnumerable<Delivery> yesterday, IReadOnlyDictionary<string, string>? names = null)
    {
        names ??= new Dictionary<string, string>();
        ArgumentNullException.ThrowIfNull(words);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfLessThan(lookaheadDays, 1);
        var open = deadlines.ToList();
        var until = today.PlusDays(lookaheadDays);
        var dueSoon = open.Where(d => d.Due >= today && d.Due <= until).OrderBy(d => d.Due).ThenBy(d => d.EnterpriseId, StringComparer.Ordinal).ToList();
        var overdue = open.Where(d => d.Due < today).OrderBy(d => d.Due).ThenBy(d => d.EnterpriseId, StringComparer.Ordinal).ToList();
        var happened = yesterday.OrderBy(d => d.CreatedAt).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

        var party = words.Vocabulary.PartyName(scope, new Dictionary<string, string>());
        var zh = new StringBuilder();
        zh.AppendLine($"{NoticeRenderer.ChineseDate(today)}每日摘要（{party.Zh}）");
        zh.AppendLine();
        zh.AppendLine($"已超期（{overdue.Count}）：");
        foreach (var d in overdue.Take(MaxLinesPerSection))
        {
            zh.AppendLine($"- {Who(d, names).Zh}；{NoticeVocabulary.Deadline(d.Name).Zh}，应于{NoticeRenderer.ChineseDate(d.Due)}完成{Certificate(d, "；证书编号 ")}；依据：{words.Cite(d.Rule).Chinese}");
        }

        More(zh, overdue.Count, chinese: true);

        zh.AppendLine($"未来{lookaheadDays}天到期（{dueSoon.Count}）：");
        foreach (var d in dueSoon.Take(MaxLinesPerSection))
        {
            zh.AppendLine($"- {Who(d, names).Zh}；{NoticeVocabulary.Deadline(d.Name).Zh}，{NoticeRenderer.ChineseDate(d.Due)}到期{Certificate(d, "；证书编号 ")}；依据：{words.Cite(d.Rule).Chinese}");
        }

        More(zh, dueSoon.Count, chinese: true);

        zh.AppendLine($"昨日通知（{happened.Count}）：");
        foreach (var d in happened.Take(MaxLinesPerSection))
        {
            zh.AppendLine($"- {words.TitleOf(d.NoticeKind).Zh} → {words.Vocabulary.PartyName(d.Scope, Named(d, names)).Zh}（{NoticeVocabulary.Channel(d.Channel).Zh}，{NoticeVocabulary.Status(d.Status).Zh}）");
        }

        More(zh, happened.Count, chinese: true);

        var en = new StringBuilder();
        en.AppendLine($"Daily digest for the {party.En}, {NoticeRenderer.EnglishDate(today)}");
        en.AppendLine();
        en.AppendLine($"Overdue ({overdue.Count}):");
        foreach (var d in overdue.Take(MaxLinesPerSection))
        {
            en.AppendLine($"- {Who(d, names).En}; {NoticeVocabulary.Deadline(d.Name).En}, due {NoticeRenderer.EnglishDate(d.Due)}{Certificate(d, "; certificate ")}; rule: {words.Cite(d.Rule).English}");
        }

        More(en, overdue.Count, chinese: false);

        en.AppendLine($"Due in the next {lookaheadDays} days ({dueSoon.Count}):");
        foreach (var d in dueSoon.Take(MaxLinesPerSection))
        {
            en.AppendLine($"- {Who(d, names).En}; {NoticeVocabulary.Deadline(d.Name).En}, due {NoticeRenderer.EnglishDate(d.Due)}{Certificate(d, "; certificate ")}; rule: {words.Cite(d.Rule).English}");
        }

        More(en, dueSoon.Count, chinese: false);

        en.AppendLine($"Notices yesterday ({happened.Count}):");
        foreach (var d in happened.Take(MaxLinesPerSection))
        {
            en.AppendLine($"- {words.TitleOf(d.NoticeKind).En} → {words.Vocabulary.PartyName(d.Scope, Named(d, names)).En} ({NoticeVocabulary.Channel(d.Channel).En}, {NoticeVocabulary.Status(d.Status).En})");
        }

        More(en, happened.Count, chinese: false);

        var subject = $"【安全生产标准化】每日摘要 {NoticeRenderer.ChineseDate(today)}：超期{overdue.Count}项，{lookaheadDays}天内到期{dueSoon.Count}项 | [SafetyCert] Daily digest";
        return new DailyDigest(scope, today, dueSoon, overdue, happened, subject, $"{zh}\n————————\n\n{en}");
    }

    /// <summary>Whether a notice concerns what the digest's party oversees: its own review work, or its region tier (regulators and regional review organizations).</summary>
    public static bool Concerns(string scope, Delivery delivery)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        return Concerns(scope, delivery.Facts, delivery.Scope);
    }

    /// <summary>Whether what the <paramref name="facts"/> are about (a notice sent to <paramref name="sentTo"/>, or an open deadline) concerns the digest's party.</summary>
    public static bool Concerns(string scope, IReadOnlyDictionary<string, string> facts, string? sentTo)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(facts);
        var parts = scope.Split(':');
        if (parts is ["review-organization", var id])
        {
            return facts.GetValueOrDefault(NoticeFactNames.ReviewOrganizationId) == id || sentTo == scope;
        }

        if (parts is [var prefix and ("regulator" or "review-organization"), var code, _] && facts.GetValueOrDefault(NoticeFactNames.RegionCode) is { } region
            && RegionCodes.IsWellFormed(code))
        {
            // A deadline that names its tier concerns the body its notices go to, by the same rule (a level-3 material
            // review is the municipal organization's, not the province's or the nation's); one without a tier concerns
            // every body whose region covers it (a Beijing municipal tier is 110000 and covers the whole city).
            return RecipientScope.TierOf(prefix, region, facts.GetValueOrDefault(NoticeFactNames.RegulatorLevel)) is { } tier
                ? tier == scope
                : RegionCodes.Covers(code, region);
        }

        return sentTo == scope;
    }

    private static void More(StringBuilder builder, int count, bool chinese)
    {
        if (count > MaxLinesPerSection)
        {
            builder.AppendLine(chinese ? $"- ……另有{count - MaxLinesPerSection}项" : $"- … and {count - MaxLinesPerSection} more");
        }
    }

    // A name the workflow carried, else the registered one; an enterprise with neither is said to be unnamed, never shown by its id in Chinese.
    private static (string Zh, string En) Who(DigestDeadline d, IReadOnlyDictionary<string, string> names) =>
        (d.EnterpriseName ?? names.GetValueOrDefault(d.EnterpriseId)) is { Length: > 0 } name
            ? (name, name)
            : (NoticeVocabulary.UnnamedEnterprise.Zh, $"{NoticeVocabulary.UnnamedEnterprise.En} ({d.EnterpriseId})");

    private static IReadOnlyDictionary<string, string> Named(Delivery d, IReadOnlyDictionary<string, string> names) =>
        d.Facts.ContainsKey(NoticeFactNames.EnterpriseName) || d.EnterpriseId is not { } id || !names.TryGetValue(id, out var name)
            ? d.Facts
            : new Dictionary<string, string>(d.Facts) { [NoticeFactNames.EnterpriseName] = name };

    private static string Certificate(DigestDeadline d, string label) => d.CertificateNumber is null ? "" : $"{label}{d.CertificateNumber}";
}
