using Microsoft.Net.Http.Headers;

namespace SafetyCert.Functions.Documents;

/// <summary>
/// The media types a document may have, and the leading bytes each must start with: a declared type the
/// content contradicts is refused, so a script cannot be stored under the name of a PDF.
/// </summary>
public static class DocumentMediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>GB/T 33190 layout documents, a ZIP package like the Office formats.</summary>
    public const string Ofd = "application/ofd";

    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>How many leading bytes <see cref="Matches"/> needs to decide.</summary>
    public const int SignatureLength = 8;

    private static readonly byte[] PdfSignature = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    // A local file header; an empty archive (end-of-directory record only) is no document.
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];

    private static readonly Dictionary<string, (byte[] Signature, string Extension)> Known = new(StringComparer.Ordinal)
    {
        [Pdf] = (PdfSignature, ".pdf"),
        [Jpeg] = (JpegSignature, ".jpg"),
        [Png] = (PngSignature, ".png"),
        [Ofd] = (ZipSignature, ".ofd"),
        [Docx] = (ZipSignature, ".docx"),
        [Xlsx] = (ZipSignature, ".xlsx"),
    };

    public static IReadOnlyCollection<string> All => Known.Keys;

    /// <summary>
    /// The allowed media type a declared <c>Content-Type</c> names (parameters dropped, lowercased),
    /// or null when it is missing, malformed or not allowed.
    /// </summary>
    public static string? Allowed(string? declared)
    {
        if (!MediaTypeHeaderValue.TryParse(declared, out var parsed) || parsed.MediaType.Value is not { } essence)
        {
            return null;
        }

        var normalized = essence.ToLowerInvariant();
        return Known.ContainsKey(normalized) ? normalized : null;
    }

    /// <summary>Whether content starting with <paramref name="head"/> can be of an allowed <paramref name="mediaType"/>.</summary>
    public static bool Matches(string mediaType, ReadOnlySpan<byte> head) =>
        Known.TryGetValue(mediaType, out var known) && head.StartsWith(known.Signature);

    /// <summary>The usual file extension of an allowed media type, with its dot.</summary>
    public static string ExtensionOf(string mediaType) => Known.TryGetValue(mediaType, out var known) ? known.Extension : "";
}
