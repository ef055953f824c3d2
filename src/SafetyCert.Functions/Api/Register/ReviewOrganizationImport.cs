using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// Takes a sheet of review organizations (评审组织单位) into the system. An organization is approved by the regulator
/// of its level over its region (RULES.md §8 [000 §3(1)]), so a caller imports only those it may approve. The id keys
/// every row: the same sheet twice changes nothing, a corrected name is the only change an import makes.
/// </summary>
internal sealed class ReviewOrganizationImport(ReviewBodyRegistry bodies)
{
    public async Task<ImportReport> RunAsync(RegisterFile file, Caller caller, bool dryRun, CancellationToken ct)
    {
        var problems = new List<RowProblem>();
        var rows = new List<ReviewOrganization>();
        var missing = ReviewBodyColumns.Organization.Where(c => !file.Headers.Contains(c)).ToList();
        problems.AddRange(missing.Select(c => new RowProblem(1, c, $"表头缺少“{c}”列；评审组织单位表的列为 {string.Join("、", ReviewBodyColumns.Organization)}。", $"The header row has no column '{c}'; the organization sheet's columns are {string.Join("、", ReviewBodyColumns.Organization)}.")));
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (rowNumber, cells) in missing.Count > 0 ? [] : file.Rows)
        {
            var before = problems.Count;
            void Bad(string column, string reason, string reasonEn) => problems.Add(new RowProblem(rowNumber, column, reason, reasonEn));

            var id = cells[ReviewBodyColumns.OrganizationId];
            if (id.Length is 0 or > 100)
            {
                Bad(ReviewBodyColumns.OrganizationId, "评审组织单位编号必填，长度 1–100 个字符。", "An organization id of 1–100 characters is required.");
            }
            else if (ids.TryGetValue(id, out var first))
            {
                Bad(ReviewBodyColumns.OrganizationId, $"评审组织单位 {id} 重复出现，首次出现在第 {first} 行。", $"Organization {id} appears again; first in row {first}.");
            }
            else
            {
                ids[id] = rowNumber;
            }

            var name = cells[ReviewBodyColumns.OrganizationName];
            if (name.Length is 0 or > RequestLimits.Name)
            {
                Bad(ReviewBodyColumns.OrganizationName, $"名称必填，长度 1–{RequestLimits.Name} 个字符。", $"A name of 1–{RequestLimits.Name} characters is required.");
            }

            var regionCode = cells[ReviewBodyColumns.RegionCode];
            var known = RegionCodes.IsWellFormed(regionCode) && RegionCatalog.Embedded.Contains(regionCode);
            if (!known)
            {
                Bad(ReviewBodyColumns.RegionCode, $"“{regionCode}”不是已知的六位行政区划代码（GB/T 2260）。", $"'{regionCode}' is not a known six-digit region code (GB/T 2260).");
            }

            if (!ReviewBodyColumns.Levels.TryGetValue(cells[ReviewBodyColumns.Level], out var level))
            {
                Bad(ReviewBodyColumns.Level, $"“{cells[ReviewBodyColumns.Level]}”不是层级（{string.Join("、", ReviewBodyColumns.Levels.Keys)}）。", $"'{cells[ReviewBodyColumns.Level]}' is not a level ({string.Join("、", ReviewBodyColumns.Levels.Keys)}).");
            }
            else if (known && !(caller.Role == Party.Administrator || (caller.Role == Party.Regulator && caller.Level == level && caller.CoversRegion(regionCode))))
            {
                Bad(ReviewBodyColumns.Level, $"行政区划 {regionCode} 的{ReviewBodyColumns.Levels.First(l => l.Value == level).Key}评审组织单位由该层级、该区域的监管部门批准，当前用户无权导入。",
                    $"A {ReviewBodyColumns.Levels.First(l => l.Value == level).Key} organization in region {regionCode} is approved by the regulator of that level over the region, not by this caller.");
            }

            if (problems.Count == before)
            {
                rows.Add(new ReviewOrganization(id, name, regionCode, level));
            }
        }

        var created = new List<ReviewOrganization>();
        var renamed = new List<ReviewOrganization>();
        foreach (var organization in rows)
        {
            var existing = await bodies.GetOrganizationAsync(organization.Id, ct);
            if (existing is null)
            {
                created.Add(organization);
            }
            else if (existing.RegionCode != organization.RegionCode || existing.Level != organization.Level)
            {
                problems.Add(new RowProblem(ids[organization.Id], ReviewBodyColumns.OrganizationId,
                    $"评审组织单位 {organization.Id} 已登记为行政区划 {existing.RegionCode}、{ReviewBodyColumns.LevelLabel(existing.Level)}；导入不会变更其区域或层级。",
                    $"Organization {organization.Id} is held for region {existing.RegionCode} at level {ReviewBodyColumns.LevelLabel(existing.Level)}; an import does not move an organization."));
            }
            else if (existing.Name != organization.Name)
            {
                renamed.Add(organization);
            }
        }

        var report = new ImportReport(dryRun || problems.Count > 0, file.Rows.Count, 0, 0, 0, 0, rows.Count - created.Count - renamed.Count, Ordered(problems))
        {
            Sheet = RegisterSheets.Name(RegisterSheet.ReviewOrganizations),
            OrganizationsCreated = created.Count,
            OrganizationsChanged = renamed.Count,
        };
        if (report.DryRun)
        {
            return report;
        }

        foreach (var organization in created)
        {
            try
            {
                await bodies.AddOrganizationAsync(organization, ct);
            }
            catch (StorageConflictException)
            {
                // Added meanwhile (a run cut short and repeated, or a second caller): the row is already there.
            }
        }

        foreach (var organization in renamed)
        {
            await bodies.RenameOrganizationAsync(organization.Id, organization.Name, ct);
        }

        return report;
    }

    internal static List<RowProblem> Ordered(IEnumerable<RowProblem> problems) =>
        [.. problems.OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal)];
}
