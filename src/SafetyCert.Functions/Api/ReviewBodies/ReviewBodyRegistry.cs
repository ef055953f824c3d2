using System.Collections.Immutable;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Sampling;
using SafetyCert.Functions.Storage;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Enterprises;

namespace SafetyCert.Functions.Api.ReviewBodies;

/// <summary>
/// The table <c>{prefix}reviewbodies</c>. PartitionKey = organization id: RowKey <c>organization</c> holds the
/// organization, <c>unit|{unitId}</c> each of its units, so the candidates of a draw are one partition read.
/// Consulting engagements are JSON on the unit row (a handful per unit). The table
/// <c>{prefix}reviewdraws</c> keeps each draw (PartitionKey = application id, RowKey <c>draw</c>): written once. The table
/// <c>{prefix}reviewunits</c> (PartitionKey = unit id, RowKey <c>unit</c>) names the one organization a unit id belongs to.
/// </summary>
internal sealed class ReviewBodyRegistry(StorageAccount storage, WorkflowSet workflows)
{
    private JsonSerializerOptions Json => workflows.Json.Options;

    public async Task AddOrganizationAsync(ReviewOrganization organization, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewbodies", ct).ConfigureAwait(false);
        await table.AddAsync(new TableEntity(TableKey.Escape(organization.Id), "organization")
        {
            ["Id"] = organization.Id,
            ["Name"] = organization.Name,
            ["RegionCode"] = organization.RegionCode,
            ["Level"] = organization.Level.ToString(),
        }, ct).ConfigureAwait(false);
    }

    /// <summary>Corrects an organization's name; its id, region and level stay.</summary>
    public async Task RenameOrganizationAsync(string id, string name, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewbodies", ct).ConfigureAwait(false);
        await table.UpdateAsync(new TableEntity(TableKey.Escape(id), "organization") { ["Name"] = name }, ETag.All, TableUpdateMode.Merge, ct).ConfigureAwait(false);
    }

    public async Task<ReviewOrganization?> GetOrganizationAsync(string id, CancellationToken ct)
    {
        if (id.Length is 0 or > TableKey.MaxPartLength)
        {
            return null;
        }

        var table = await storage.TableAsync("reviewbodies", ct).ConfigureAwait(false);
        var row = await table.GetAsync(TableKey.Escape(id), "organization", ct).ConfigureAwait(false);
        return row is null ? null : new ReviewOrganization(row.GetString("Id")!, row.GetString("Name")!, row.GetString("RegionCode")!, Enum.Parse<RegulatorLevel>(row.GetString("Level")!));
    }

    /// <summary>
    /// Every review organization. Reads the organization rows of the whole table (a server-side filter on the row key:
    /// Table storage has no secondary index); there are a handful per province.
    /// </summary>
    public async Task<IReadOnlyList<ReviewOrganization>> OrganizationsAsync(CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewbodies", ct).ConfigureAwait(false);
        var organizations = new List<ReviewOrganization>();
        await foreach (var row in table.QueryAsync("RowKey eq 'organization'", cancellationToken: ct).ConfigureAwait(false))
        {
            organizations.Add(new ReviewOrganization(row.GetString("Id")!, row.GetString("Name")!, row.GetString("RegionCode")!, Enum.Parse<RegulatorLevel>(row.GetString("Level")!)));
        }

        return organizations;
    }

    /// <summary>
    /// A unit by its id alone, whichever organization it belongs to (a review unit's token names only the unit). Reads
    /// the rows with that row key across all partitions: a server-side filter over the table.
    /// </summary>
    public async Task<ReviewUnit?> FindUnitAsync(string unitId, CancellationToken ct)
    {
        if (unitId.Length is 0 or > TableKey.MaxPartLength)
        {
            return null;
        }

        var table = await storage.TableAsync("reviewbodies", ct).ConfigureAwait(false);
        await foreach (var row in table.QueryAsync($"RowKey eq '{EnterpriseRegistry.Quote(TableKey.Join("unit", unitId))}'", cancellationToken: ct).ConfigureAwait(false))
        {
            return Unit(row);
        }

        return null;
    }

    /// <summary>The organization a unit id is registered under, or null for an id not yet registered.</summary>
    public async Task<string?> OwnerOfUnitAsync(string unitId, CancellationToken ct)
    {
        if (unitId.Length is 0 or > TableKey.MaxPartLength)
        {
            return null;
        }

        var table = await storage.TableAsync("reviewunits", ct).ConfigureAwait(false);
        return (await table.GetAsync(TableKey.Escape(unitId), "unit", ct).ConfigureAwait(false))?.GetString("OrganizationId");
    }

    /// <summary>
    /// Registers a unit id for its organization, once: the id names one unit across all organizations. Answers the
    /// organization the id belongs to afterwards, which differs from the unit's own when another organization holds it.
    /// </summary>
    public async Task<string> ClaimUnitAsync(string unitId, string organizationId, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewunits", ct).ConfigureAwait(false);
        try
        {
            await table.AddAsync(new TableEntity(TableKey.Escape(unitId), "unit") { ["UnitId"] = unitId, ["OrganizationId"] = organizationId }, ct).ConfigureAwait(false);
            return organizationId;
        }
        catch (StorageConflictException)
        {
            return await OwnerOfUnitAsync(unitId, ct).ConfigureAwait(false) ?? organizationId;
        }
    }

    /// <summary>Adds or replaces a unit of its organization.</summary>
    public async Task SaveUnitAsync(ReviewUnit unit, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewbodies", ct).ConfigureAwait(false);
        await table.UpsertAsync(new TableEntity(TableKey.Escape(unit.OrganizationId), TableKey.Join("unit", unit.Id))
        {
            ["Id"] = unit.Id,
            ["OrganizationId"] = unit.OrganizationId,
            ["Name"] = unit.Name,
            ["ApprovedGrades"] = string.Join(',', unit.ApprovedGrades),
            ["Industries"] = string.Join(',', unit.Industries),
            ["AccreditedThrough"] = EnterpriseRegistry.Date(unit.AccreditedThrough),
            ["Consulting"] = JsonSerializer.Serialize(unit.Consulting, Json),
        }, ct).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ReviewUnit>> UnitsAsync(string organizationId, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewbodies", ct).ConfigureAwait(false);
        var units = new List<ReviewUnit>();
        var partition = EnterpriseRegistry.Quote(TableKey.Escape(organizationId));
        await foreach (var row in table.QueryAsync($"PartitionKey eq '{partition}' and RowKey gt 'unit|' and RowKey lt 'unit}}'", cancellationToken: ct).ConfigureAwait(false))
        {
            units.Add(Unit(row));
        }

        return units;
    }

    private ReviewUnit Unit(TableEntity row) => new(
        row.GetString("Id")!,
        row.GetString("OrganizationId")!,
        row.GetString("Name")!,
        [.. (row.GetString("ApprovedGrades") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<Grade>)],
        [.. (row.GetString("Industries") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)],
        EnterpriseRegistry.ParseDate(row.GetString("AccreditedThrough"))!.Value,
        JsonSerializer.Deserialize<ImmutableArray<ConsultingEngagement>>(row.GetString("Consulting") ?? "[]", Json));

    public async Task<ReviewUnit?> FindUnitAsync(string organizationId, string unitId, CancellationToken ct) =>
        (await UnitsAsync(organizationId, ct).ConfigureAwait(false)).FirstOrDefault(u => u.Id == unitId);

    /// <summary>Keeps a draw for the record; throws <see cref="StorageConflictException"/> when the application already has one.</summary>
    public async Task AddDrawAsync(ReviewUnitDrawResult draw, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewdraws", ct).ConfigureAwait(false);
        await table.AddAsync(new TableEntity(TableKey.Escape(draw.Application.ApplicationId), "draw")
        {
            ["Json"] = JsonSerializer.Serialize(draw, Json),
            ["Seed"] = draw.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ChosenUnitId"] = draw.ChosenUnitId,
        }, ct).ConfigureAwait(false);
    }

    public async Task<ReviewUnitDrawResult?> GetDrawAsync(string applicationId, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewdraws", ct).ConfigureAwait(false);
        var row = await table.GetAsync(TableKey.Escape(applicationId), "draw", ct).ConfigureAwait(false);
        return row is null ? null : JsonSerializer.Deserialize<ReviewUnitDrawResult>(row.GetString("Json")!, Json);
    }

    public async Task RemoveDrawAsync(string applicationId, CancellationToken ct)
    {
        var table = await storage.TableAsync("reviewdraws", ct).ConfigureAwait(false);
        await table.DeleteAsync(TableKey.Escape(applicationId), "draw", cancellationToken: ct).ConfigureAwait(false);
    }
}
