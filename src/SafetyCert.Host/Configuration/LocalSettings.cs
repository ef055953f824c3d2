using System.Text.Json;

namespace SafetyCert.Host.Configuration;

/// <summary>
/// Reads <c>local.settings.json</c> the way Azure Functions tools do: its <c>Values</c> become
/// configuration, with <c>__</c> standing for the section separator. When the file is missing it is
/// created from <c>local.settings.sample.json</c> found in the same folder or a parent.
/// </summary>
internal static class LocalSettings
{
    public const string FileName = "local.settings.json";
    public const string SampleName = "local.settings.sample.json";

    /// <summary>Adds the Values of the nearest local.settings.json (creating it from the sample) to configuration.</summary>
    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder configuration, string startDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = Locate(startDirectory);
        return path is null ? configuration : configuration.AddInMemoryCollection(Read(path));
    }

    /// <summary>The settings file to use, creating it from the sample when only the sample exists; null outside a checkout.</summary>
    public static string? Locate(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var settings = Path.Combine(dir.FullName, FileName);
            if (File.Exists(settings))
            {
                return settings;
            }

            var sample = Path.Combine(dir.FullName, SampleName);
            if (File.Exists(sample))
            {
                File.Copy(sample, settings);
                return settings;
            }
        }

        return null;
    }

    /// <summary>The Values of a settings file as configuration keys.</summary>
    public static Dictionary<string, string?> Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"{path} has no \"Values\" object.");
        }

        return values.EnumerateObject().ToDictionary(
            p => p.Name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal),
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText(),
            StringComparer.OrdinalIgnoreCase);
    }
}
