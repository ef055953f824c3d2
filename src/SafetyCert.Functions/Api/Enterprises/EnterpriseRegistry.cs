using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Documents;

namespace SafetyCert.Functions.Api.Enterprises;

/// <summary>
/// The table <c>{prefix}enterprises</c>. One partition per enterprise (PartitionKey = enterprise id, escaped):
/// RowKey <c>enterprise</c> holds the registration, <c>accident|{id}</c> each reported accident,
/// <c>self-assessment|{year}</c> each submitted yearly report, <c>unit|{unitId}|{applicationId}</c> each review unit a
/// draw assigned to one of its applications, <c>open|{grade}</c> the one application for that grade not yet closed. Everything an eligibility check needs is one
/// partition read. Changes to the registration are guarded by its ETag.
/// </summary>
internal sealed class EnterpriseRegistry(StorageAccount storage) : IEnterpriseDirectory
{
    public const string TableName = "enterprises";
    private const string RegistrationRow = "enterprise";

    /// <summary>Adds a new enterprise; throws <see cref="StorageConflictException"/> when the id is taken.</summary>
    public async Task AddAsync(Enterprise enterprise, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.AddAsync(ToEntity(enterprise), ct).ConfigureAwait(false);
    }

    /// <summary>Replaces the registration if it still has the ETag it was read with.</summary>
    public async Task UpdateAsync(Enterprise enterprise, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpdateAsync(ToEntity(enterprise), enterprise.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
    }

    /// <summary>Reads, changes and writes back the registration, retrying when another writer got there first.</summary>
    public async Task<Enterprise?> ChangeAsync(string id, Func<Enterprise, Enterprise> change, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAsync(id, ct).ConfigureAwait(false);
            if (current is null)
            {
                return null;
            }

            var changed = change(current);
            try
            {
                await UpdateAsync(changed, ct).ConfigureAwait(false);
                return changed;
            }
            catch (StorageConflictException) when (attempt < 5)
            {
                // Lost the race with another change; read again and reapply.
            }
        }
    }

    public async Task<Enterprise?> GetAsync(string id, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var row = await table.GetAsync(TableKey.Escape(id), RegistrationRow, ct).ConfigureAwait(false);
        return row is null ? null : FromEntity(row);
    }

    /// <summary>The enterprise, its region and its assigned review units, as the document store needs them (one partition read).</summary>
    public async Task<EnterpriseRef?> FindAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        if (enterpriseId.Length is 0 or > TableKey.MaxPartLength)
        {
            return null;
        }

        var table = await storage.TableAsync(TableName, cancellationToken).ConfigureAwait(false);
        Enterprise? enterprise = null;
        var units = new HashSet<string>(StringComparer.Ordinal);
        var filter = $"PartitionKey eq '{Quote(TableKey.Escape(enterpriseId))}' and (RowKey eq '{RegistrationRow}' or (RowKey gt 'unit|' and RowKey lt 'unit}}'))";
        await foreach (var row in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == RegistrationRow)
            {
                enterprise = FromEntity(row);
            }
            else if (row.GetString("UnitId") is { } unitId)
            {
                units.Add(unitId);
            }
        }

        return enterprise is null ? null : new EnterpriseRef(enterprise.Id, enterprise.RegionCode, units);
    }

    /// <summary>
    /// Holds the enterprise's one open application for a grade (row <c>open|{grade}</c>, guarded by its ETag): taken when
    /// free, when it already names this application (a retry), or when the application it names is closed, as
    /// <paramref name="isOpen"/> tells (true open, false closed, null never started). An application not started two minutes
    /// after it took the row was refused or cut short, and the row is free again. Returns null when taken, else the id of
    /// the open application that holds it.
    /// </summary>
    public async Task<string?> HoldOpenApplicationAsync(string enterpriseId, Grade grade, string applicationId, Func<string, Task<bool?>> isOpen, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var entity = new TableEntity(TableKey.Escape(enterpriseId), TableKey.Join("open", grade.ToString())) { ["ApplicationId"] = applicationId };
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var row = await table.GetAsync(entity.PartitionKey, entity.RowKey, ct).ConfigureAwait(false);
            try
            {
                if (row is null)
                {
                    await table.AddAsync(entity, ct).ConfigureAwait(false);
                    return null;
                }

                var holder = row.GetString("ApplicationId") ?? "";
                if (holder == applicationId)
                {
                    return null;
                }

                var open = await isOpen(holder).ConfigureAwait(false)
                    ?? (row.Timestamp is { } since && DateTimeOffset.UtcNow - since < TimeSpan.FromMinutes(2));
                if (open)
                {
                    return holder;
                }

                await table.UpdateAsync(entity, row.ETag, TableUpdateMode.Replace, ct).ConfigureAwait(false);
                return null;
            }
            catch (StorageConflictException)
            {
                // Another submission took or changed the row meanwhile: read it again.
            }
        }

        return await table.GetAsync(entity.PartitionKey, entity.RowKey, ct).ConfigureAwait(false) is { } held ? held.GetString("ApplicationId") ?? "" : null;
    }

    /// <summary>Lets go of the open-application row when the submission that took it was refused.</summary>
    public async Task ReleaseOpenApplicationAsync(string enterpriseId, Grade grade, string applicationId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var row = await table.GetAsync(TableKey.Escape(enterpriseId), TableKey.Join("open", grade.ToString()), ct).ConfigureAwait(false);
        if (row?.GetString("ApplicationId") == applicationId)
        {
            try
            {
                await table.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, ct).ConfigureAwait(false);
            }
            catch (StorageConflictException)
            {
                // Taken over meanwhile: no longer ours to release.
            }
        }
    }

    /// <summary>Remembers that a draw assigned a review unit to one of the enterprise's applications (RULES.md §4.2): that unit files its reports.</summary>
    public async Task AssignUnitAsync(string enterpriseId, string unitId, string applicationId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(TableKey.Escape(enterpriseId), TableKey.Join("unit", unitId, applicationId))
        {
            ["UnitId"] = unitId,
            ["ApplicationId"] = applicationId,
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Every registered enterprise (the ledger reads them all).</summary>
    public async IAsyncEnumerable<Enterprise> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await foreach (var row in table.QueryAsync($"RowKey eq '{RegistrationRow}'", cancellationToken: ct).ConfigureAwait(false))
        {
            yield return FromEntity(row);
        }
    }

    public async Task AddAccidentAsync(string enterpriseId, AccidentRecord accident, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(TableKey.Escape(enterpriseId), TableKey.Join("accident", accident.AccidentId))
        {
            ["AccidentId"] = accident.AccidentId,
            ["On"] = Date(accident.On),
            ["Deaths"] = accident.Deaths,
            ["ConcealedOrLate"] = accident.ConcealedOrLate,
            ["CertificateId"] = accident.CertificateId,
        }, ct).ConfigureAwait(false);
    }

    public async Task SaveSelfAssessmentAsync(string enterpriseId, SelfAssessmentReport report, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(TableKey.Escape(enterpriseId), TableKey.Join("self-assessment", report.Year.ToString(CultureInfo.InvariantCulture)))
        {
            ["Year"] = report.Year,
            ["SubmittedOn"] = Date(report.SubmittedOn),
            ["Score"] = report.Score.ToString(CultureInfo.InvariantCulture),
            ["SelfAssessedGrade"] = report.SelfAssessedGrade?.ToString(),
            ["Posted"] = report.Posted,
            ["ReportDocumentId"] = report.ReportDocumentId,
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Remembers a workflow instance that belongs to the enterprise, so its deadlines can be listed without a scan.</summary>
    public async Task LinkAsync(string enterpriseId, string kind, string instanceId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        await table.UpsertAsync(LinkEntity(enterpriseId, kind, instanceId), ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes a registration together with links to its workflow instances, in one transaction of the enterprise's
    /// partition (more links than one transaction holds follow in further ones): added when <paramref name="enterprise"/>
    /// has no ETag, else replaced only if the row still has it. Throws <see cref="StorageConflictException"/> when the
    /// enterprise was added or changed meanwhile; nothing of the first transaction is then stored.
    /// </summary>
    public async Task SaveWithLinksAsync(Enterprise enterprise, IReadOnlyList<(string Kind, string InstanceId)> links, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        ArgumentNullException.ThrowIfNull(links);
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var registration = enterprise.ETag == default
            ? new TableTransactionAction(TableTransactionActionType.Add, ToEntity(enterprise))
            : new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(enterprise), enterprise.ETag);
        var actions = new List<TableTransactionAction> { registration };
        foreach (var (kind, instanceId) in links.DistinctBy(l => (l.Kind, l.InstanceId)))
        {
            if (actions.Count == Table.MaxBatchEntities)
            {
                await table.SubmitAsync(actions, ct).ConfigureAwait(false);
                actions = [];
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, LinkEntity(enterprise.Id, kind, instanceId)));
        }

        if (actions.Count > 0)
        {
            await table.SubmitAsync(actions, ct).ConfigureAwait(false);
        }
    }

    private static TableEntity LinkEntity(string enterpriseId, string kind, string instanceId) =>
        new(TableKey.Escape(enterpriseId), TableKey.Join("instance", kind, instanceId))
        {
            ["Kind"] = kind,
            ["InstanceId"] = instanceId,
        };

    /// <summary>
    /// Every accident on file, with the partition key of its enterprise: one key-range filter on the row key across the
    /// table (Table storage has no secondary index; an accident row is a few per certified enterprise at most).
    /// </summary>
    public async IAsyncEnumerable<(string EnterpriseKey, AccidentRecord Accident)> AccidentsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        // '}' follows '|' in ordinal order: the range holds exactly the row keys that start with "accident|".
        await foreach (var row in table.QueryAsync("RowKey ge 'accident|' and RowKey lt 'accident}'", cancellationToken: ct).ConfigureAwait(false))
        {
            yield return (row.PartitionKey, AccidentOf(row));
        }
    }

    private static AccidentRecord AccidentOf(TableEntity row) =>
        new(row.GetString("AccidentId")!, ParseDate(row.GetString("On"))!.Value, row.GetInt32("Deaths") ?? 0, row.GetBoolean("ConcealedOrLate") ?? false, row.GetString("CertificateId"));

    /// <summary>The accidents, self-assessment reports and workflow instances on file for an enterprise.</summary>
    public async Task<(IReadOnlyList<AccidentRecord> Accidents, IReadOnlyList<SelfAssessmentReport> SelfAssessments, IReadOnlyList<(string Kind, string InstanceId)> Instances)> HistoryAsync(string enterpriseId, CancellationToken ct)
    {
        var table = await storage.TableAsync(TableName, ct).ConfigureAwait(false);
        var accidents = new List<AccidentRecord>();
        var reports = new List<SelfAssessmentReport>();
        var instances = new List<(string, string)>();
        await foreach (var row in table.QueryAsync($"PartitionKey eq '{Quote(TableKey.Escape(enterpriseId))}'", cancellationToken: ct).ConfigureAwait(false))
        {
            if (row.RowKey.StartsWith("accident|", StringComparison.Ordinal))
            {
                accidents.Add(AccidentOf(row));
            }
            else if (row.RowKey.StartsWith("self-assessment|", StringComparison.Ordinal))
            {
                reports.Add(new SelfAssessmentReport(
                    row.GetInt32("Year") ?? 0,
                    ParseDate(row.GetString("SubmittedOn"))!.Value,
                    decimal.Parse(row.GetString("Score") ?? "0", CultureInfo.InvariantCulture),
                    Enum.TryParse<Grade>(row.GetString("SelfAssessedGrade"), out var grade) ? grade : null,
                    row.GetBoolean("Posted") ?? false,
                    row.GetString("ReportDocumentId") ?? ""));
            }
            else if (row.RowKey.StartsWith("instance|", StringComparison.Ordinal))
            {
                instances.Add((row.GetString("Kind") ?? "", row.GetString("InstanceId") ?? ""));
            }
        }

        return (accidents, reports, instances);
    }

    internal static string Quote(string value) => value.Replace("'", "''", StringComparison.Ordinal);

    internal static string? Date(LocalDate? date) => date is { } d ? LocalDatePattern.Iso.Format(d) : null;

    internal static LocalDate? ParseDate(string? text) => text is null ? null : LocalDatePattern.Iso.Parse(text).Value;

    private static TableEntity ToEntity(Enterprise e) => new(TableKey.Escape(e.Id), RegistrationRow)
    {
        ["Id"] = e.Id,
        ["Name"] = e.Name,
        ["RegionCode"] = e.RegionCode,
        ["Industry"] = e.Industry,
        ["LicenceRequired"] = e.LicenceRequired,
        ["LicenceValidUntil"] = Date(e.LicenceValidUntil),
        ["ConsultingProvider"] = e.ConsultingProvider,
        ["Grade"] = e.Grade?.ToString(),
        ["CurrentCertificateId"] = e.CurrentCertificateId,
        ["LastRevokedOn"] = Date(e.LastRevokedOn),
        ["RegisteredOn"] = Date(e.RegisteredOn),
    };

    private static Enterprise FromEntity(TableEntity row) => new(
        row.GetString("Id")!,
        row.GetString("Name") ?? "",
        row.GetString("RegionCode") ?? "",
        row.GetString("Industry") ?? "",
        row.GetBoolean("LicenceRequired") ?? false,
        ParseDate(row.GetString("LicenceValidUntil")),
        row.GetString("ConsultingProvider"),
        Enum.TryParse<Grade>(row.GetString("Grade"), out var grade) ? grade : null,
        row.GetString("CurrentCertificateId"),
        ParseDate(row.GetString("LastRevokedOn")),
        ParseDate(row.GetString("RegisteredOn")))
    {
        ETag = row.ETag,
    };
}
