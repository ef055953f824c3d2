using System.Text.Json.Serialization;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Documents;

/// <summary>
/// One stored document as its owner sees it: the metadata row of table <c>documents</c>. The content is the
/// blob <see cref="Sha256"/> in the container of <see cref="Kind"/>, shared by every owner who uploaded the same bytes.
/// </summary>
/// <param name="Id"><c>{kind}-{first 32 hex of the hash}</c>: the same bytes of one kind for one owner are one document.</param>
/// <param name="FileName">The sanitized name the uploader gave; shown and offered on download, never a path.</param>
/// <param name="RegionCode">The owner's region when the document was uploaded.</param>
public sealed record Document(
    string Id,
    string OwnerEnterpriseId,
    string Kind,
    string Sha256,
    long Size,
    string MediaType,
    string FileName,
    string UploadedBy,
    [property: JsonConverter(typeof(JsonStringEnumConverter<Party>))] Party UploadedByRole,
    DateTimeOffset UploadedAt,
    string RegionCode);
