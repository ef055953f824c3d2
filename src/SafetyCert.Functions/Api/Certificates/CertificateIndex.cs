using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Api.Enterprises;

namespace SafetyCert.Functions.Api.Certificates;

/// <summary>
/// Certificates by id and by number, and the number sequence. Three tables, each with one row kind:
/// <c>certificates</c> (PartitionKey = certificate id, RowKey <c>certificate</c>), <c>certificatenumbers</c>
/// (PartitionKey = number, RowKey <c>number</c>, pointing at the id) and <c>certificatecounters</c>
/// (PartitionKey = region abbreviation|grade|year, RowKey <c>counter</c>). A number is taken by advancing its
/// counter row under the row's ETag, so two issuers never get the same number; the API takes one only for an issue
/// the decider accepts, and gives it back if the issue is refused after all while it is still the last one (RULES.md §5).
/// </summary>
internal sealed class CertificateIndex(StorageAccount storage)
{
    private const string Row = "certificate";

    public async Task<CertificateRecord?> GetAsync(string certificateId, CancellationToken ct)
    {
        if (certificateId.Length is 0 or > TableKey.MaxPartLength)
        {
            return null;
        }

        var table = await storage.TableAsync("certificates", ct).ConfigureAwait(false);
        var row = await table.GetAsync(TableKey.Escape(certificateId), Row, ct).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    public async Task<CertificateRecord?> FindByNumberAsync(string number, CancellationToken ct)
    {
        if (number.Length is 0 or > TableKey.MaxPartLength)
        {
            return null;
        }

        var numbers = await storage.TableAsync("certificatenumbers", ct).ConfigureAwait(false);
        var row = await numbers.GetAsync(TableKey.Escape(number), "number", ct).ConfigureAwait(false);
        return row?.GetString("CertificateId") is { } id ? await GetAsync(id, ct).ConfigureAwait(false) : null;
    }

    /// <summary>Every indexed certificate (ledger and spot checks read them all).</summary>
    public async IAsyncEnumerable<CertificateRecord> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await storage.TableAsync("certificates", ct).ConfigureAwait(false);
        await foreach (var row in table.QueryAsync($"RowKey eq '{Row}'", cancellationToken: ct).ConfigureAwait(false))
        {
            yield return FromEntity(row);
        }
    }

    /// <summary>Takes the next number for a region, grade and year (RULES.md §5 [001 annex 5]).</summary>
    public async Task<string> AllocateNumberAsync(string regionCode, Grade grade, int year, CancellationToken ct)
    {
        var abbreviation = RegionCatalog.Embedded.Find(regionCode[..2] + "0000").Abbreviation
            ?? throw new InvalidOperationException($"Province of {regionCode} has no abbreviation.");
        var counters = await storage.TableAsync("certificatecounters", ct).ConfigureAwait(false);
        var partition = TableKey.Join(abbreviation, grade.ToString(), year.ToString(CultureInfo.InvariantCulture));
        while (true)
        {
            var row = await counters.GetAsync(partition, "counter", ct).ConfigureAwait(false);
            var next = (row?.GetInt32("Last") ?? 0) + 1;
            var entity = new TableEntity(partition, "counter") { ["Last"] = next };
            try
            {
                if (row is null)
                {
                    await counters.AddAsync(entity, ct).ConfigureAwait(false);
                }
                else
                {
                    await counters.UpdateAsync(entity, row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                }

                return CertificateNumber.Format(abbreviation, grade, year, next);
            }
            catch (StorageConflictException)
            {
                // Another issuer took this number first; read the counter again.
            }
        }
    }

    /// <summary>
    /// Gives back a number whose issue was refused, when it is still the last one taken (under the counter's ETag); once a
    /// later issue took the next number, the refused one stays a gap rather than being handed out twice.
    /// </summary>
    public async Task ReleaseNumberAsync(string regionCode, Grade grade, int year, string number, CancellationToken ct)
    {
        var abbreviation = RegionCatalog.Embedded.Find(regionCode[..2] + "0000").Abbreviation
            ?? throw new InvalidOperationException($"Province of {regionCode} has no abbreviation.");
        var counters = await storage.TableAsync("certificatecounters", ct).ConfigureAwait(false);
        var partition = TableKey.Join(abbreviation, grade.ToString(), year.ToString(CultureInfo.InvariantCulture));
        var row = await counters.GetAsync(partition, "counter", ct).ConfigureAwait(false);
        if (row?.GetInt32("Last") is not { } last || CertificateNumber.Format(abbreviation, grade, year, last) != number)
        {
            return;
        }

        try
        {
            await counters.UpdateAsync(new TableEntity(partition, "counter") { ["Last"] = last - 1 }, row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
        }
        catch (StorageConflictException)
        {
            // Another issuer took the next number meanwhile: this one stays a gap.
        }
    }

    /// <summary>Indexes a certificate under its number and its id; the number row first, so a number never points nowhere for long.</summary>
    public async Task AddAsync(CertificateRecord record, CancellationToken ct)
    {
        var numbers = await storage.TableAsync("certificatenumbers", ct).ConfigureAwait(false);
        await numbers.UpsertAsync(new TableEntity(TableKey.Escape(record.Number), "number") { ["CertificateId"] = record.CertificateId }, ct).ConfigureAwait(false);
        var table = await storage.TableAsync("certificates", ct).ConfigureAwait(false);
        await table.AddAsync(new TableEntity(TableKey.Escape(record.CertificateId), Row)
        {
            ["CertificateId"] = record.CertificateId,
            ["Number"] = record.Number,
            ["EnterpriseId"] = record.EnterpriseId,
            ["RegionCode"] = record.RegionCode,
            ["Industry"] = record.Industry,
            ["Grade"] = record.Grade.ToString(),
            ["ProfileId"] = record.ProfileId,
            ["IssuedOn"] = EnterpriseRegistry.Date(record.IssuedOn),
            ["ApplicationId"] = record.ApplicationId,
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Takes a certificate out of the index when its issue was refused; its number stays used.</summary>
    public async Task RemoveAsync(CertificateRecord record, CancellationToken ct)
    {
        var table = await storage.TableAsync("certificates", ct).ConfigureAwait(false);
        await table.DeleteAsync(TableKey.Escape(record.CertificateId), Row, default(ETag), ct).ConfigureAwait(false);
        var numbers = await storage.TableAsync("certificatenumbers", ct).ConfigureAwait(false);
        await numbers.DeleteAsync(TableKey.Escape(record.Number), "number", default(ETag), ct).ConfigureAwait(false);
    }

    private static CertificateRecord FromEntity(TableEntity row) => new(
        row.GetString("CertificateId")!,
        row.GetString("Number")!,
        row.GetString("EnterpriseId")!,
        row.GetString("RegionCode")!,
        row.GetString("Industry") ?? "",
        Enum.Parse<Grade>(row.GetString("Grade")!),
        row.GetString("ProfileId")!,
        EnterpriseRegistry.ParseDate(row.GetString("IssuedOn"))!.Value,
        row.GetString("ApplicationId") ?? "");
}
