using System.Net;
using System.Text;

namespace SafetyCert.Functions.Notifications.Channels;

/// <summary>
/// The HTML part of an e-mail, laid out from the same text the plain part carries, so both show the same dates and
/// facts. The text is what <see cref="NoticeRenderer"/> and the digest write: language sections divided by a line
/// <see cref="LanguageBreak"/>, each opening with its title; <c>label：value</c> lines (证书编号、依据、下一步) become a
/// two-column table; a heading line ending in a colon followed by <c>- </c> items becomes a table with one row per
/// item, its cells divided where the item divides them (<c>；</c> or <c>; </c>). Every value is HTML-encoded.
/// </summary>
internal static class EmailHtml
{
    public const string LanguageBreak = "————————";

    // A label is short and has no sentence punctuation: "证书编号", "依据", "Next step", "Certificate number".
    private const int MaxLabelLength = 24;

    public static string Render(string subject, string body)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(body);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>").Append(Encode(subject)).Append("</title></head>");
        html.Append("<body style=\"font-family:'Microsoft YaHei','PingFang SC',Arial,sans-serif;font-size:14px;line-height:1.6;color:#1f2328;margin:0;padding:16px;\">");
        var sections = body.ReplaceLineEndings("\n").Split($"\n{LanguageBreak}\n");
        for (var i = 0; i < sections.Length; i++)
        {
            if (i > 0)
            {
                html.Append("<hr style=\"border:none;border-top:1px solid #d0d7de;margin:24px 0;\">");
            }

            Section(html, sections[i]);
        }

        return html.Append("</body></html>").ToString();
    }

    private static void Section(StringBuilder html, string section)
    {
        var lines = section.Trim('\n').Split('\n');
        var lang = lines.Length > 0 && lines[0].Any(IsCjk) ? "zh-CN" : "en";
        html.Append("<div lang=\"").Append(lang).Append("\">");
        if (lines.Length > 0)
        {
            html.Append("<h2 style=\"font-size:18px;margin:0 0 12px;\">").Append(Encode(lines[0])).Append("</h2>");
        }

        var facts = new List<(string Label, string Value)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.Length == 0)
            {
                Facts(html, facts);
                continue;
            }

            if (IsHeading(line) && i + 1 < lines.Length && lines[i + 1].StartsWith("- ", StringComparison.Ordinal))
            {
                Facts(html, facts);
                var items = new List<string>();
                while (i + 1 < lines.Length && lines[i + 1].StartsWith("- ", StringComparison.Ordinal))
                {
                    items.Add(lines[++i][2..]);
                }

                List(html, line, items);
                continue;
            }

            if (IsHeading(line))
            {
                Facts(html, facts);
                html.Append("<h3 style=\"font-size:15px;margin:16px 0 6px;\">").Append(Encode(line)).Append("</h3><p style=\"margin:0 0 8px;color:#656d76;\">—</p>");
                continue;
            }

            if (Fact(line) is { } fact)
            {
                facts.Add(fact);
                continue;
            }

            Facts(html, facts);
            html.Append("<p style=\"margin:0 0 10px;\">").Append(Encode(line)).Append("</p>");
        }

        Facts(html, facts);
        html.Append("</div>");
    }

    private static void Facts(StringBuilder html, List<(string Label, string Value)> facts)
    {
        if (facts.Count == 0)
        {
            return;
        }

        html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:8px 0 12px;\">");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><th scope=\"row\" style=\"text-align:left;vertical-align:top;padding:4px 12px 4px 0;white-space:nowrap;color:#656d76;font-weight:normal;\">")
                .Append(Encode(label)).Append("</th><td style=\"padding:4px 0;\">").Append(Encode(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        facts.Clear();
    }

    private static void List(StringBuilder html, string heading, List<string> items)
    {
        html.Append("<h3 style=\"font-size:15px;margin:16px 0 6px;\">").Append(Encode(heading)).Append("</h3>");
        html.Append("<table style=\"border-collapse:collapse;width:100%;margin:0 0 12px;\">");
        foreach (var item in items)
        {
            html.Append("<tr>");
            foreach (var cell in Cells(item))
            {
                html.Append("<td style=\"border:1px solid #d0d7de;padding:4px 8px;vertical-align:top;\">").Append(Encode(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static string[] Cells(string item) =>
        item.Any(IsCjk) && item.Contains('；', StringComparison.Ordinal)
            ? item.Split('；', StringSplitOptions.TrimEntries)
            : item.Split("; ", StringSplitOptions.TrimEntries);

    // "已超期（2）：", "Overdue (2):"
    private static bool IsHeading(string line) => (line.EndsWith('：') || line.EndsWith(':')) && !line.StartsWith("- ", StringComparison.Ordinal);

    private static (string Label, string Value)? Fact(string line)
    {
        var colon = line.IndexOf('：', StringComparison.Ordinal);
        if (colon < 0)
        {
            colon = line.IndexOf(": ", StringComparison.Ordinal);
        }

        if (colon <= 0 || colon > MaxLabelLength)
        {
            return null;
        }

        var label = line[..colon];
        if (label.IndexOfAny(['，', '。', ',', '.', '；', ';']) >= 0)
        {
            return null;
        }

        var value = line[(colon + 1)..].Trim();
        return value.Length == 0 ? null : (label, value);
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff';

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
