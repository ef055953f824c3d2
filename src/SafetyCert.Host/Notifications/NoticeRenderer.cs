using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using Fluid;
using Fluid.Values;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Workflows;
using SafetyCert.Host.Notifications.Contacts;

namespace SafetyCert.Host.Notifications;

/// <summary>
/// Renders a notice from its Fluid template (<c>Templates/{kind}.liquid</c>, embedded). A template holds a Chinese
/// section, a line <c>---</c>, and an English section; the first line of each is its subject. Chinese comes first
/// unless the party chose English. Templates see <c>due_date</c>, <c>rule</c>, <c>kind</c>,
/// <c>certificate_number</c> and <c>facts</c>, and the filters <c>cn_date</c> (2027年3月14日) and <c>en_date</c>.
/// </summary>
internal sealed class NoticeRenderer
{
    private const string Prefix = "SafetyCert.Host.Notifications.Templates.";
    private const string SectionBreak = "\n---\n";
    private static readonly LocalDatePattern IsoDate = LocalDatePattern.Iso;
    private readonly FrozenDictionary<string, IFluidTemplate> templates;
    private readonly TemplateOptions options = new();

    public NoticeRenderer()
    {
        options.Filters.AddFilter("cn_date", (input, _, _) => new ValueTask<FluidValue>(new StringValue(ChineseDate(ParseDate(input.ToStringValue())))));
        options.Filters.AddFilter("en_date", (input, _, _) => new ValueTask<FluidValue>(new StringValue(EnglishDate(ParseDate(input.ToStringValue())))));
        var parser = new FluidParser();
        var assembly = Assembly.GetExecutingAssembly();
        var loaded = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var source = reader.ReadToEnd().ReplaceLineEndings("\n");
            if (!source.Contains(SectionBreak, StringComparison.Ordinal) || !parser.TryParse(source, out var template, out var error))
            {
                throw new InvalidOperationException($"Template {name} is not a Chinese section, '---' and an English section, or does not parse.");
            }

            loaded[name[Prefix.Length..^".liquid".Length]] = template;
        }

        templates = loaded.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public IReadOnlyCollection<string> Kinds => templates.Keys;

    public static string ChineseDate(LocalDate date) => $"{date.Year}年{date.Month}月{date.Day}日";

    public static string EnglishDate(LocalDate date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public async Task<(string Subject, string Body)> RenderAsync(Notify notice, ContactPreferences preferences)
    {
        ArgumentNullException.ThrowIfNull(notice);
        ArgumentNullException.ThrowIfNull(preferences);
        if (!templates.TryGetValue(notice.Kind, out var template))
        {
            throw new ArgumentException($"No template for notice kind '{notice.Kind}'.", nameof(notice));
        }

        var context = new TemplateContext(options);
        context.SetValue("kind", notice.Kind);
        context.SetValue("due_date", IsoDate.Format(notice.DueDate));
        context.SetValue("rule", notice.Rule);
        context.SetValue("certificate_number", notice.Facts.GetValueOrDefault(RecipientScope.CertificateNumber) ?? "");
        context.SetValue("facts", notice.Facts.ToDictionary(f => f.Key, f => (object)f.Value, StringComparer.Ordinal));
        var text = (await template.RenderAsync(context, NullEncoder.Default).ConfigureAwait(false)).ReplaceLineEndings("\n");
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
