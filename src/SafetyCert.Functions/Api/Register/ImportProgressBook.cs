using System.Security.Cryptography;
using Azure.Data.Tables;
using NodaTime;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// The progress of each real import. Table <c>registerimports</c>, PartitionKey = import id (from the file's SHA-256,
/// so the same file posted again finds its record), RowKey <c>progress</c>. The last writer wins: one file's import
/// runs in one request at a time, and a record a few rows behind only makes a resumed run apply those rows again, which
/// the import's keyed steps make harmless.
/// </summary>
internal sealed class ImportProgressBook(StorageAccount storage)
{
    private const string TableName = "registerimports";
    private const string Row = "progress";

    public static string HashOf(ReadOnlySpan<byte> file) => Convert.ToHexStringLower(SHA256.HashData(file));

    public static string IdOf(string fileHash) => "imp-" + fileHash[..32];

    public async Task<ImportProgress?> GetAsync(string importId, CancellationToken ct)
    {
        if (importId.Length is 0 or > TableKey.MaxPartLength)
        {
            return null;
        }

        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var row = await table.GetAsync(TableKey.Escape(importId), Row, ct).ConfigureAwait(false);
        return row is null ? null : new ImportProgress(
            row.GetString("ImportId")!, row.GetString("FileHash")!, row.GetString("State")!, Int(row, "Rows"), Int(row, "RowsToApply"), Int(row, "RowsDone"),
            Int(row, "EnterprisesCreated"), Int(row, "EnterprisesChanged"), Int(row, "CertificatesCreated"), Int(row, "CertificatesChanged"), Int(row, "Unchanged"),
            row.GetString("StartedBy")!, row.GetString("RegionCode"),
            Instant.FromDateTimeOffset(row.GetDateTimeOffset("StartedAt")!.Value), Instant.FromDateTimeOffset(row.GetDateTimeOffset("UpdatedAt")!.Value));
    }

    public async Task SaveAsync(ImportProgress progress, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(TableKey.Escape(progress.ImportId), Row)
        {
            ["ImportId"] = progress.ImportId,
            ["FileHash"] = progress.FileHash,
            ["State"] = progress.State,
            ["Rows"] = progress.Rows,
            ["RowsToApply"] = progress.RowsToApply,
            ["RowsDone"] = progress.RowsDone,
            ["EnterprisesCreated"] = progress.EnterprisesCreated,
            ["EnterprisesChanged"] = progress.EnterprisesChanged,
            ["CertificatesCreated"] = progress.CertificatesCreated,
            ["CertificatesChanged"] = progress.CertificatesChanged,
            ["Unchanged"] = progress.Unchanged,
            ["StartedBy"] = progress.StartedBy,
            ["RegionCode"] = progress.RegionCode,
            ["StartedAt"] = progress.StartedAt.ToDateTimeOffset(),
            ["UpdatedAt"] = progress.UpdatedAt.ToDateTimeOffset(),
        }, ct).ConfigureAwait(false);
    }

    private static int Int(TableEntity row, string name) => row.GetInt32(name) ?? 0;
}
