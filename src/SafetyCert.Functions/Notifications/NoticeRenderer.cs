using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// Renders a notice from its Liquid template (<c>Templates/{kind}.liquid</c>, embedded). A template holds a Chinese
/// section, a line <c>---</c>, and an English section; the first line of each is its subject. Chinese comes first
/// unless the party chose English. Templates see <c>due_date</c>, <c>rule</c>, <c>kind</c>,
/// <c>certificate_number</c> and <c>facts</c>, and the filters <c>cn_date</c> (2027年3月14日) and <c>en_date</c>.
/// </summary>
internal sealed class NoticeRenderer
{
    private const string Prefix = "SafetyCert.Functions.Notifications.Templates.";
    private const string SectionBreak = "\n---\n";
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private static readonly FrozenDictionary<string, Func<string, string>> Filters = new Dictionary<string, Func<string, string>>
    {
        ["cn_date"] = text => ChineseDate(ParseDate(text)),
        ["en_date"] = text => EnglishDate(ParseDate(text)),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, NoticeTemplate> templates;

    public NoticeRenderer()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var filterNames = Filters.Keys.ToHashSet(StringComparer.Ordinal);
        var loaded = new Dictionary<string, NoticeTemplate>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var source = reader.ReadToEnd().ReplaceLineEndings("\n");
            if (!source.Contains(SectionBreak, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Template {name} is not a Chinese section, a line '---' and an English section.");
            }

            loaded[name[Prefix.Length..^".liquid".Length]] = NoticeTemplate.Parse(name, source, filterNames);
        }

        templates = loaded.ToFrozenDictionary(StringComparer.Ordinal);
    }

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

        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kind"] = notice.Kind,
            ["due_date"] = IsoDate.Format(notice.DueDate),
            ["rule"] = notice.Rule,
        };
        if (notice.Facts.TryGetValue(NoticeFactNames.CertificateNumber, out var number))
        {
            values["certificate_number"] = number;
        }

        foreach (var (key, value) in notice.Facts)
        {
            values[$"facts.{key}"] = value;
        }

        var text = template.Render(values, Filters).ReplaceLineEndings("\n");
        var sections = text.Split(SectionBreak, 2);
        var (first, second) = preferences.EnglishFirst ? (sections[1], sections[0]) : (sections[0], sections[1]);
        var (firstSubject, firstBody) = Split(first);
        var (secondSubject, secondBody) = Split(second);
        return ($"{firstSubject} | {secondSubject}", $"{firstSubject}\n\n{firstBody}\n\n————————\n\n{secondSubject}\n\n{secondBody}\n");
    }

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
