using System.Reflection;

namespace SafetyCert.Infra.Tests.Bicep;

/// <summary>The repository's infra/ folder, as the build recorded it.</summary>
public static class InfraDirectory
{
    public static string Path { get; } = Metadata("InfraDirectory");

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    /// <summary>Every Bicep source and parameter file, infra/local (npm packages) excluded.</summary>
    public static IEnumerable<string> BicepFiles() =>
        Directory.EnumerateFiles(Path, "*.bicep*", SearchOption.AllDirectories)
            .Where(file => file.EndsWith(".bicep", StringComparison.Ordinal) || file.EndsWith(".bicepparam", StringComparison.Ordinal))
            .Where(file => !file.StartsWith(System.IO.Path.Combine(Path, "local"), StringComparison.Ordinal))
            .Select(file => System.IO.Path.GetRelativePath(Path, file))
            .Order(StringComparer.Ordinal);

    internal static string Metadata(string key) =>
        typeof(InfraDirectory).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"Assembly metadata '{key}' is missing; the test project file sets it.");
}
