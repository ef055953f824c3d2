using Azure.Data.Tables;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// What the register says of each imported certificate that the certificate index does not hold: its issuing body
/// (发证机关). Table <c>registerentries</c>, PartitionKey = certificate id, RowKey <c>entry</c>.
/// </summary>
internal sealed class RegisterBook(StorageAccount storage)
{
    private const string TableName = "registerentries";
    private const string Row = "entry";

    public async Task<string?> IssuingBodyAsync(string certificateId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        return (await table.GetAsync(certificateId, Row, ct).ConfigureAwait(false))?.GetString("IssuingBody");
    }

    public async Task SaveAsync(string certificateId, string issuingBody, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(certificateId, Row) { ["IssuingBody"] = issuingBody }, ct).ConfigureAwait(false);
    }
}
