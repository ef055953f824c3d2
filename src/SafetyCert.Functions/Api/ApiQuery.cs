using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SafetyCert.Functions.Api;

/// <summary>Query parameters read explicitly: a value that does not parse is a 400 naming the parameter.</summary>
internal static class ApiQuery
{
    /// <summary>
    /// Reads an optional number; absent or empty gives <paramref name="fallback"/>. False, with the 400 to answer, when the
    /// value is not a whole number of the type.
    /// </summary>
    public static bool TryGet<T>(IQueryCollection query, string name, T fallback, out T value, [NotNullWhen(false)] out ProblemHttpResult? problem)
        where T : struct, IParsable<T>
    {
        ArgumentNullException.ThrowIfNull(query);
        string? text = query[name];
        problem = null;
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        if (T.TryParse(text, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        value = fallback;
        problem = ApiProblems.Malformed(StatusCodes.Status400BadRequest, name, new($"“{text}”不是整数。", $"'{text}' is not a whole number."));
        return false;
    }

    /// <summary>An optional text value: null when absent (several values are joined by commas, as minimal APIs bound them).</summary>
    public static string? Text(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query[name];
    }
}
