using System.Collections.Frozen;
using System.Text.Json;

namespace SafetyCert.Domain.Profiles;

/// <summary>The regulations the profiles and rules cite, by the id a citation uses; embedded with the profiles.</summary>
public sealed class SourceDocuments
{
    private const string ResourceName = "SafetyCert.Domain.SourceDocuments.json";

    private readonly FrozenDictionary<string, SourceDocument> byId;

    public SourceDocuments(IEnumerable<SourceDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        byId = documents.ToFrozenDictionary(d => d.Id, StringComparer.Ordinal);
    }

    /// <summary>The documents embedded in the product (the five seeds and the State Council holiday notices).</summary>
    public static SourceDocuments Embedded { get; } = LoadEmbedded();

    public IEnumerable<SourceDocument> All => byId.Values.OrderBy(d => d.Id, StringComparer.Ordinal);

    public SourceDocument? Find(string id) => byId.GetValueOrDefault(id);

    private static SourceDocuments LoadEmbedded()
    {
        using var stream = typeof(SourceDocuments).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var documents = JsonSerializer.Deserialize<List<SourceDocument>>(stream, ProfileCatalog.JsonOptions)
            ?? throw new InvalidOperationException($"{ResourceName} holds null.");
        return new SourceDocuments(documents);
    }
}
