using System.ComponentModel.DataAnnotations;

namespace SafetyCert.Functions.Documents;

/// <summary>Limits on documents (section <c>Documents</c>).</summary>
public sealed class DocumentOptions : IValidatableObject
{
    public const string Section = "Documents";

    /// <summary>Room in a multipart request beyond the file itself: boundaries, part headers, the kind field.</summary>
    public const long MultipartOverheadBytes = 64 * 1024;

    /// <summary>The largest document of a kind without its own limit.</summary>
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Limits for single kinds, by kind name, overriding <see cref="MaxBytes"/>.</summary>
    public Dictionary<string, long> MaxBytesByKind { get; set; } = new(StringComparer.Ordinal);

    /// <summary>How long a download link works.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public long MaxBytesFor(string kind) =>
        MaxBytesByKind.TryGetValue(kind, out var limit) ? limit : MaxBytes;

    /// <summary>The largest upload request body: the largest limit of any kind and the multipart overhead.</summary>
    public long MaxRequestBytes() => DocumentKinds.All.Max(MaxBytesFor) + MultipartOverheadBytes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxBytes <= 0)
        {
            yield return new ValidationResult($"Documents:MaxBytes must be positive; it is {MaxBytes}.", [nameof(MaxBytes)]);
        }

        foreach (var (kind, limit) in MaxBytesByKind)
        {
            if (!DocumentKinds.IsKnown(kind))
            {
                yield return new ValidationResult(
                    $"Documents:MaxBytesByKind names '{kind}', which is not one of {string.Join(", ", DocumentKinds.All)}.", [nameof(MaxBytesByKind)]);
            }
            else if (limit <= 0)
            {
                yield return new ValidationResult($"Documents:MaxBytesByKind:{kind} must be positive; it is {limit}.", [nameof(MaxBytesByKind)]);
            }
        }

        // Links are handed to browsers; one that lives long is as good as a public copy.
        if (LinkLifetime <= TimeSpan.Zero || LinkLifetime > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"Documents:LinkLifetime must be more than zero and at most one hour; it is {LinkLifetime}.", [nameof(LinkLifetime)]);
        }
    }
}
