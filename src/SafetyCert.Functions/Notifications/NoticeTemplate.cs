using System.Text;
using System.Text.RegularExpressions;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// The Liquid subset notice templates use: <c>{{ path | filter | default: 'text' }}</c> and
/// <c>{% if path %}…{% endif %}</c>, with paths like <c>rule</c> or <c>facts.reason</c>. Fluid.Core 2.41.1 is the
/// only Fluid on the package feed and fails at run time against the only Parlot there (2.2.1), so the product
/// parses this subset itself; the templates stay valid Liquid and can move to Fluid unchanged. Anything outside the
/// subset is rejected when the template loads, naming the template.
/// </summary>
internal sealed partial class NoticeTemplate
{
    private readonly List<Node> nodes;

    private NoticeTemplate(List<Node> nodes) => this.nodes = nodes;

    private abstract record Node;

    private sealed record Text(string Value) : Node;

    private sealed record Output(string Path, IReadOnlyList<(string Name, string? Argument)> Filters) : Node;

    private sealed record If(string Path, List<Node> Body) : Node;

    public static NoticeTemplate Parse(string name, string source, IReadOnlySet<string> filters)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tokens = Token().Split(source);
        var position = 0;
        var parsed = ParseBlock(name, tokens, ref position, filters, insideIf: false);
        return new NoticeTemplate(parsed);
    }

    /// <summary>Renders with <paramref name="values"/> (keys as the paths read them, e.g. <c>facts.reason</c>).</summary>
    public string Render(IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, Func<string, string>> filters)
    {
        var builder = new StringBuilder();
        Render(nodes, values, filters, builder);
        return builder.ToString();
    }

    private static void Render(List<Node> nodes, IReadOnlyDictionary<string, string> values, IReadOnlyDictionary<string, Func<string, string>> filters, StringBuilder builder)
    {
        foreach (var node in nodes)
        {
            switch (node)
            {
                case Text text:
                    builder.Append(text.Value);
                    break;
                case If condition when !string.IsNullOrEmpty(values.GetValueOrDefault(condition.Path)):
                    Render(condition.Body, values, filters, builder);
                    break;
                case Output output:
                    var value = values.GetValueOrDefault(output.Path) ?? "";
                    foreach (var (filter, argument) in output.Filters)
                    {
                        value = filter == "default"
                            ? (value.Length > 0 ? value : Literal(argument!) ?? values.GetValueOrDefault(argument!) ?? "")
                            : value.Length > 0
                                ? filters[filter](value)
                                : throw new InvalidOperationException($"The notice has no value for '{output.Path}', which the template shows through '{filter}'.");
                    }

                    builder.Append(value);
                    break;
            }
        }
    }

    private static List<Node> ParseBlock(string name, string[] tokens, ref int position, IReadOnlySet<string> filters, bool insideIf)
    {
        var block = new List<Node>();
        while (position < tokens.Length)
        {
            var token = tokens[position++];
            if (token.StartsWith("{%", StringComparison.Ordinal))
            {
                var tag = token[2..^2].Trim();
                if (tag == "endif")
                {
                    return insideIf ? block : throw Bad(name, "an endif without if");
                }

                if (!tag.StartsWith("if ", StringComparison.Ordinal))
                {
                    throw Bad(name, $"the tag '{tag}'");
                }

                var path = tag[3..].Trim();
                block.Add(new If(CheckPath(name, path), ParseBlock(name, tokens, ref position, filters, insideIf: true)));
            }
            else if (token.StartsWith("{{", StringComparison.Ordinal))
            {
                var parts = token[2..^2].Split('|', StringSplitOptions.TrimEntries);
                var output = new List<(string, string?)>();
                foreach (var part in parts.Skip(1))
                {
                    var colon = part.IndexOf(':', StringComparison.Ordinal);
                    var filter = colon < 0 ? part : part[..colon].Trim();
                    var argument = colon < 0 ? null : part[(colon + 1)..].Trim();
                    if (filter == "default" ? argument is null : !filters.Contains(filter) || argument is not null)
                    {
                        throw Bad(name, $"the filter '{part}'");
                    }

                    output.Add((filter, argument));
                }

                block.Add(new Output(CheckPath(name, parts[0]), output));
            }
            else if (token.Length > 0)
            {
                block.Add(new Text(token));
            }
        }

        return insideIf ? throw Bad(name, "an if without endif") : block;
    }

    private static string? Literal(string argument) =>
        argument.Length >= 2 && argument[0] is '\'' or '"' && argument[^1] == argument[0] ? argument[1..^1] : null;

    private static string CheckPath(string name, string path) =>
        PathPattern().IsMatch(path) ? path : throw Bad(name, $"the expression '{path}'");

    private static InvalidOperationException Bad(string name, string what) =>
        new($"Template {name} uses {what}, which notice templates do not support.");

    [GeneratedRegex(@"(\{\{.*?\}\}|\{%.*?%\})", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"^[a-z_]+(\.[A-Za-z_]+)?$")]
    private static partial Regex PathPattern();
}
