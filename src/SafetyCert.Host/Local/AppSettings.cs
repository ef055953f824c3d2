using System.Text.RegularExpressions;

namespace SafetyCert.Host.Local;

/// <summary>
/// Resolves <c>%Name%</c> binding expressions from app settings, as the Functions host does for queue names and
/// schedules; a setting that is missing fails the start, as it fails the function's indexing in Azure.
/// </summary>
internal static partial class AppSettings
{
    public static string Resolve(string expression, IConfiguration configuration, string functionName) =>
        Expression().Replace(expression, match =>
        {
            var name = match.Groups[1].Value;
            return configuration[name] is { Length: > 0 } value
                ? value
                : throw new InvalidOperationException(
                    $"Function '{functionName}' cannot run locally: the app setting '{name}' in '{expression}' is missing or empty.");
        });

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex Expression();
}
