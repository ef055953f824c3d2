using System.Collections.Frozen;
using Fluid;
using Fluid.Values;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Renders a notice from its Liquid template (<c>Templates/{kind}.liquid</c>, embedded). A template holds a Chinese
/// section, a line <c>---</c>, and an English section; the first line of each is its subject. Chinese comes first
/// unless the party chose English. Templates see <c>due_date</c>, <c>kind</c>, <c>certificate_number</c> and
/// <c>facts</c>; the rule's citation and the facts that are codes (grounds, grade, reason) as each language
/// shows them, <c>zh.*</c> and <c>en.*</c>; <c>to.{role}</c> for the recipient's role (<c>to.reviewOrganization</c>),
/// so each role reads its own next step; and the filters <c>cn_date</c> (2027年3月14日) and <c>en_date</c>.
/// </summary>
internal sealed partial class NoticeRenderer
{
    private const string Prefix = "SafetyCert.Functions.Notifications.Templates.";
    private const string SectionBreak = "\n---\n";
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly TemplateOptions Options = NewOptions();

    private readonly FrozenDictionary<string, NoticeTemplate> templates;
    private readonly Dictionary<string, (string Zh, string En)> titles = new(StringComparer.Ordinal);

    private readonly NoticeVocabulary vocabulary;
    private readonly RuleCitation citations;

    public NoticeRenderer(NoticeVocabulary vocabulary, RuleCitation citations)
    {
        this.vocabulary = vocabulary;
        this.citations = citations;
        var assembly = Assembly.GetExecutingAssembly();
        var loaded = new Dictionary<string, NoticeTemplate>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var source = reader.ReadToEnd().ReplaceLineEndings("\n");
            if (!source.Contains(SectionBreak, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Template {name} is not a Chinese section, a line '---' and an English section.");
            }

            var kind = name[Prefix.Length..^".liquid".Length];
            loaded[kind] = NoticeTemplate.Parse(name, source, Options);
            titles[kind] = (Title(source.Split(SectionBreak, 2)[0]), Title(source.Split(SectionBreak, 2)[1]));
        }

        templates = loaded.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>What a notice kind is called, in Chinese and English (its subject without the party's name).</summary>
    public (string Zh, string En) TitleOf(string kind) => titles.TryGetValue(kind, out var title) ? title : (kind, kind);

    public NoticeVocabulary Vocabulary => vocabulary;

    /// <summary>The citation of a rule, in Chinese and English (see <see cref="RuleCitation"/>).</summary>
    public (string Chinese, string English) Cite(string rule) => citations.Cite(rule);

    public IReadOnlyCollection<string> Kinds => templates.Keys;

    public static string ChineseDate(LocalDate date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string EnglishDate(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public (string Subject, string Body) Render(Notify notice, ContactPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(preferences);
        if (!templates.TryGetValue(notice.Kind, out var template))
        {
            throw new ArgumentException($"No template for notice kind '{notice.Kind}'.", nameof(notice));
        }

        var (zhRule, enRule) = citations.Cite(notice.Rule);
        var facts = new Dictionary<string, object>(StringComparer.Ordinal);
        var zh = new Dictionary<string, object>(StringComparer.Ordinal) { ["rule"] = zhRule };
        var en = new Dictionary<string, object>(StringComparer.Ordinal) { ["rule"] = enRule };
        var model = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["kind"] = notice.Kind,
            ["due_date"] = IsoDate.Format(notice.DueDate),
            ["facts"] = facts,
            ["zh"] = zh,
            ["en"] = en,
            ["to"] = new Dictionary<string, object>(StringComparer.Ordinal) { [JsonNamingPolicy.CamelCase.ConvertName(notice.Recipient.ToString())] = true },
        };
        if (notice.Facts.TryGetValue(NoticeFactNames.CertificateNumber, out var number) && number.Length > 0)
        {
            model["certificate_number"] = number;
        }

        // Liquid holds an empty string true; a fact recorded empty reads as absent, so `if` and `default` skip it.
        foreach (var (key, value) in notice.Facts.Where(fact => fact.Value.Length > 0))
        {
            facts[key] = value;
        }

        foreach (var (key, (zhText, enText)) in Localized(notice))
        {
            zh[key] = zhText;
            en[key] = enText;
        }

        var text = template.Render(model, Options).ReplaceLineEndings("\n");
        var sections = text.Split(SectionBreak, 2);
        var (first, second) = preferences.EnglishFirst ? (sections[1], sections[0]) : (sections[0], sections[1]);
        var (firstSubject, firstBody) = Split(first);
        var (secondSubject, secondBody) = Split(second);
        return ($"{firstSubject} | {secondSubject}", $"{firstSubject}\n\n{firstBody}\n\n————————\n\n{secondSubject}\n\n{secondBody}\n");
    }

    // The facts that are codes or numbers, as each language shows them; the templates read zh.* in the Chinese part, en.* in the English.
    private static IEnumerable<(string Key, (string Zh, string En) Text)> Localized(Notify notice)
    {
        var facts = notice.Facts;
        if (NoticeVocabulary.GroundsOf(facts.GetValueOrDefault("grounds")) is { } grounds)
        {
            yield return ("grounds", grounds);
        }

        if (facts.GetValueOrDefault(NoticeFactNames.Grade) is { } gradeName && EnumNames.TryParse<Grade>(gradeName, ignoreCase: false, out var grade))
        {
            yield return ("grade", NoticeVocabulary.Grade(grade));
        }

        if (Reason(facts) is { } reason)
        {
            yield return ("reason", reason);
        }
    }

    // An automatic revocation is explained by its accident; a regulator's decision by the reason it wrote, shown as written.
    private static (string Zh, string En)? Reason(IReadOnlyDictionary<string, string> facts)
    {
        if (facts.GetValueOrDefault("deaths") is { Length: > 0 } deaths && facts.GetValueOrDefault("accidentOn") is { Length: > 0 } accidentOn)
        {
            var on = ParseDate(accidentOn);
            var zh = $"{ChineseDate(on)}发生生产安全事故，死亡{deaths}人";
            var en = $"an accident on {EnglishDate(on)} with {deaths} death(s)";
            if (facts.GetValueOrDefault("deathThreshold") is { Length: > 0 } threshold)
            {
                var grade = EnumNames.TryParse<Grade>(facts.GetValueOrDefault(NoticeFactNames.Grade), ignoreCase: false, out var g) ? NoticeVocabulary.Grade(g) : ("该等级", "the grade");
                zh += $"，达到{grade.Item1}企业撤销标准（死亡{threshold}人及以上）";
                en += $", at or above the threshold of {threshold} for {grade.Item2}";
            }

            return (zh, en);
        }

        return facts.GetValueOrDefault("reason") is { Length: > 0 } written ? (written, written) : null;
    }

    // Liquid's own filters plus the two date filters; a date filter with no date fails rather than print nothing.
    private static TemplateOptions NewOptions()
    {
        var options = new TemplateOptions();
        options.Filters.AddFilter("cn_date", (input, _, _) => new StringValue(ChineseDate(DateOf(input, "cn_date"))));
        options.Filters.AddFilter("en_date", (input, _, _) => new StringValue(EnglishDate(DateOf(input, "en_date"))));
        return options;
    }

    private static LocalDate DateOf(FluidValue input, string filter) =>
        input.IsNil() || input.ToStringValue().Length == 0
            ? throw new InvalidOperationException($"The notice has no value for a date the template shows through '{filter}'.")
            : ParseDate(input.ToStringValue());

    private static string Title(string section)
    {
        var subject = section.Trim('\n').Split('\n')[0];
        subject = ConditionalPart().Replace(subject, "");
        return subject.Replace("【安全生产标准化】", "", StringComparison.Ordinal).Replace("[SafetyCert] ", "", StringComparison.Ordinal).Trim();
    }

    [GeneratedRegex(@"\{%.*?%\}.*?\{%\s*endif\s*%\}")]
    private static partial Regex ConditionalPart();

    private static (string Subject, string Body) Split(string section)
    {
        var trimmed = section.Trim('\n');
        var newline = trimmed.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? (trimmed, "") : (trimmed[..newline].Trim(), trimmed[(newline + 1)..].Trim('\n'));
    }

    private static LocalDate ParseDate(string text)
    {
        var parsed = IsoDate.Parse(text);
        return parsed.Success ? parsed.Value : throw new FormatException($"'{text}' is not a yyyy-MM-dd date.");
    }
}
