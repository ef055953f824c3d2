namespace SafetyCert.Host.Api;

/// <summary>The one place requests are validated: any <see cref="IApiRequest"/> argument with problems is answered with a 400 naming every field.</summary>
internal sealed class ValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var errors = context.Arguments
            .OfType<IApiRequest>()
            .SelectMany(r => r.Problems())
            .GroupBy(p => p.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Error).ToArray(), StringComparer.Ordinal);
        if (context.Arguments.Contains(null) && context.HttpContext.Request.ContentLength is 0 or null && context.HttpContext.Request.Method != HttpMethods.Get)
        {
            // A body parameter bound to nothing: the JSON "null" or an empty body.
            errors.TryAdd("body", ["A JSON body is required."]);
        }

        return errors.Count > 0 ? ApiProblems.Invalid(errors) : await next(context);
    }
}
