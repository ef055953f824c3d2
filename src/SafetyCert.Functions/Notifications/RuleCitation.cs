using System.Text;
using System.Text.RegularExpressions;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Turns the rule a notice carries (e.g. <c>RULES.md §6 [001 art.17(1)]</c>) into the citation a recipient can look up:
/// the regulation's title from <see cref="SourceDocuments"/> and the provision
/// (《宁夏回族自治区企业安全生产标准化评审工作管理办法（试行）》第十七条第（一）项). RULES.md is the product's own
/// rulebook and is never shown. A rule the product adopts by convention says so.
/// </summary>
internal sealed partial class RuleCitation(SourceDocuments sources)
{
    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>The Chinese and the English citation.</summary>
    /// <remarks>
    /// Each regulation is cited once, its provisions in the order the rule names them: a whole article covers its items
    /// (第二十一条, not 第二十一条、第二十一条第（三）项), and items of one article share it (第二十一条第（一）项、第（三）项).
    /// A regulation is marked as applied by convention when every reference to it sits in a part of the rule that says so
    /// (a bracket or a clause up to <c>;</c>), so the marker follows the source it belongs to.
    /// </remarks>
    public (string Chinese, string English) Cite(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var cited = new List<Cited>();
        foreach (var part in rule.Split([';', ']'], StringSplitOptions.RemoveEmptyEntries))
        {
            var convention = part.Contains("convention", StringComparison.OrdinalIgnoreCase);
            foreach (Match match in Reference().Matches(part))
            {
                if (sources.Find(match.Groups["doc"].Value) is not { } document)
                {
                    continue;
                }

                var entry = cited.FirstOrDefault(c => c.Document.Id == document.Id);
                if (entry is null)
                {
                    entry = new Cited(document, [], convention);
                    cited.Add(entry);
                }

                entry.Convention &= convention;
                foreach (Capture capture in match.Groups["provision"].Captures)
                {
                    if (Provision.Parse(capture.Value) is { } provision && !entry.Provisions.Contains(provision))
                    {
                        entry.Provisions.Add(provision);
                    }
                }
            }
        }

        if (cited.Count == 0)
        {
            return ("本系统约定", "a convention of this system");
        }

        var zh = string.Join("；", cited.Select(c => $"《{c.Document.Title}》{Number(c.Document)}{Chinese(c)}{(c.Convention ? "（本系统参照执行）" : "")}"));
        var en = string.Join("; ", cited.Select(c => $"《{c.Document.Title}》{Number(c.Document)}{English(c)}{(c.Convention ? " (applied by convention)" : "")}"));
        return (zh, en);
    }

    // Provisions grouped by article or part, in first-named order; a whole one stands alone, items share their head.
    private static IEnumerable<List<Provision>> Grouped(Cited cited) =>
        cited.Provisions
            .GroupBy(p => (p.Kind, p.Main))
            .Select(g => g.Any(p => p.Item is null) ? [g.First(p => p.Item is null) with { Point = null }] : g.Distinct().ToList());

    private static string Chinese(Cited cited) =>
        string.Join("、", Grouped(cited).Select(g => string.Concat(g.Select((p, i) => i == 0 ? p.Chinese(cited.Document.Structure) : "、" + p.ChineseItem()))));

    private static string English(Cited cited)
    {
        var groups = Grouped(cited).Select(g => string.Concat(g.Select((p, i) => i == 0 ? p.English(cited.Document.Structure) : ", " + p.EnglishItem()))).ToList();
        return groups.Count == 0 ? "" : " " + string.Join(", ", groups);
    }

    private sealed class Cited(SourceDocument document, List<Provision> provisions, bool convention)
    {
        public SourceDocument Document { get; } = document;

        public List<Provision> Provisions { get; } = provisions;

        public bool Convention { get; set; } = convention;
    }

    internal static string Numeral(int n) => n switch
    {
        < 0 => throw new ArgumentOutOfRangeException(nameof(n)),
        < 10 => Digits[n],
        < 20 => "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Number(SourceDocument document) => document.Number is null ? "" : $"（{document.Number}）";

    // A document id followed by its provisions: "001 art.21(3)", "004 §8, §9", "000 §3(2)1", "001 annex 2".
    [GeneratedRegex(@"\b(?<doc>\d{3}|holidays)\b(?:\s+(?<provision>art\.\d+(?:\(\d+\))?|§\d+(?:\(\d+\))?\d*|annex\s*\d+)(?:,\s*(?<provision>art\.\d+(?:\(\d+\))?|§\d+(?:\(\d+\))?\d*))*)?")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^(?<kind>art\.|§|annex\s*)(?<main>\d+)(?:\((?<item>\d+)\))?(?<point>\d+)?$")]
    private static partial Regex ProvisionPattern();

    private sealed record Provision(string Kind, int Main, int? Item, int? Point)
    {
        public static Provision? Parse(string text)
        {
            var match = ProvisionPattern().Match(text);
            if (!match.Success)
            {
                return null;
            }

            int? Optional(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            var kind = match.Groups["kind"].Value.Trim();
            return new Provision(kind, Optional("main")!.Value, Optional("item"), Optional("point"));
        }

        public string Chinese(string structure)
        {
            var text = new StringBuilder();
            if (Kind == "annex")
            {
                return $"附件{Main}";
            }

            // Articles are 第十七条; the numbered parts of a notice are 第三部分 with its items （四） and points 1.
            text.Append(Kind == "art." || structure == "articles" ? $"第{Numeral(Main)}条" : $"第{Numeral(Main)}部分");
            if (Item is { } item)
            {
                text.Append($"第（{Numeral(item)}）项");
            }

            if (Point is { } point)
            {
                text.Append($"第{point}目");
            }

            return text.ToString();
        }

        public string ChineseItem() => (Item is { } item ? $"第（{Numeral(item)}）项" : "") + (Point is { } point ? $"第{point}目" : "");

        public string EnglishItem() => (Item is { } item ? $"item ({item})" : "") + (Point is { } point ? $", point {point}" : "");

        public string English(string structure)
        {
            if (Kind == "annex")
            {
                return $"annex {Main}";
            }

            var head = Kind == "art." || structure == "articles" ? $"article {Main}" : $"part {Main}";
            return head + (Item is { } item ? $", item ({item})" : "") + (Point is { } point ? $", point {point}" : "");
        }
    }
}
