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
    public (string Chinese, string English) Cite(string rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var cited = new List<(SourceDocument Document, List<Provision> Provisions)>();
        foreach (Match match in Reference().Matches(rule))
        {
            if (sources.Find(match.Groups["doc"].Value) is not { } document)
            {
                continue;
            }

            var entry = cited.FirstOrDefault(c => c.Document.Id == document.Id);
            if (entry.Document is null)
            {
                entry = (document, new List<Provision>());
                cited.Add(entry);
            }

            foreach (Capture capture in match.Groups["provision"].Captures)
            {
                var provision = Provision.Parse(capture.Value);
                if (provision is not null && !entry.Provisions.Contains(provision))
                {
                    entry.Provisions.Add(provision);
                }
            }
        }

        var convention = rule.Contains("convention", StringComparison.OrdinalIgnoreCase);
        if (cited.Count == 0)
        {
            return ("本系统约定", "a convention of this system");
        }

        var zh = string.Join("；", cited.Select(c => $"《{c.Document.Title}》{Number(c.Document)}{string.Join("、", c.Provisions.Select(p => p.Chinese(c.Document.Structure)))}"));
        var en = string.Join("; ", cited.Select(c => $"《{c.Document.Title}》{Number(c.Document)}{(c.Provisions.Count == 0 ? "" : " " + string.Join(", ", c.Provisions.Select(p => p.English(c.Document.Structure))))}"));
        return convention ? ($"{zh}（本系统参照执行）", $"{en} (applied by convention)") : (zh, en);
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
