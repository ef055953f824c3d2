using Fluid;
using Fluid.Ast;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// One notice template, parsed by Fluid (standard Liquid). A template that does not parse, or that names a filter
/// Fluid does not know, is rejected when it loads, naming the template: Fluid would otherwise pass the value through
/// an unknown filter unchanged and a typo would reach recipients.
/// </summary>
internal sealed class NoticeTemplate
{
    private static readonly FluidParser Parser = new();

    private readonly IFluidTemplate template;

    private NoticeTemplate(IFluidTemplate template) => this.template = template;

    public static NoticeTemplate Parse(string name, string source, TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        if (!Parser.TryParse(source, out var template, out var error))
        {
            throw new InvalidOperationException($"Template {name} is not valid Liquid: {error}");
        }

        var unknown = new FilterNames().Collect(template).Where(filter => !options.Filters.TryGetValue(filter, out _)).ToList();
        return unknown.Count == 0
            ? new NoticeTemplate(template)
            : throw new InvalidOperationException($"Template {name} uses the filter '{unknown[0]}', which notice templates do not have.");
    }

    /// <summary>
    /// Renders with <paramref name="model"/>: top-level names (<c>kind</c>) map to strings, groups (<c>facts</c>,
    /// <c>zh</c>) to dictionaries. Output is not HTML-encoded: notices are plain text.
    /// </summary>
    public string Render(IReadOnlyDictionary<string, object> model, TemplateOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = new TemplateContext(options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        return template.Render(context);
    }

    private sealed class FilterNames : AstVisitor
    {
        private readonly List<string> names = [];

        public List<string> Collect(IFluidTemplate template)
        {
            VisitTemplate(template);
            return names;
        }

        protected override Expression VisitFilterExpression(FilterExpression filterExpression)
        {
            names.Add(filterExpression.Name);
            return base.VisitFilterExpression(filterExpression);
        }
    }
}
