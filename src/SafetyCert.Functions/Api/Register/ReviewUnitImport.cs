using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Accreditations;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Workflows;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// Takes a sheet of review units (评审单位) into the system under organizations it already holds. A unit is approved by
/// the regulator of its organization's level (RULES.md §8 [000 §3(1)]); its accreditation workflow starts with the
/// term that ends on the sheet's 认可有效期至 (RULES.md §8 [004 §5]), keyed by the start event <c>import</c>, so the same
/// sheet twice changes nothing and a corrected row changes only that unit.
/// </summary>
internal sealed class ReviewUnitImport(ReviewBodyRegistry bodies, ProfileCatalog profiles, IClock clock)
{
    private const string StartEventId = "import";

    public async Task<ImportReport> RunAsync(RegisterFile file, Caller caller, WorkflowClient workflows, bool dryRun, CancellationToken ct)
    {
        var today = ShanghaiTime.DateOf(clock.GetCurrentInstant());
        var problems = new List<RowProblem>();
        var rows = new List<(int Row, ReviewUnit Unit, ReviewOrganization Organization, JurisdictionProfile Profile)>();
        var missing = ReviewBodyColumns.Unit.Where(c => !file.Headers.Contains(c)).ToList();
        problems.AddRange(missing.Select(c => new RowProblem(1, c, $"表头缺少“{c}”列；评审单位表的列为 {string.Join("、", ReviewBodyColumns.Unit)}。", $"The header row has no column '{c}'; the unit sheet's columns are {string.Join("、", ReviewBodyColumns.Unit)}.")));
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var organizations = new Dictionary<string, ReviewOrganization?>(StringComparer.Ordinal);
        foreach (var (rowNumber, cells) in missing.Count > 0 ? [] : file.Rows)
        {
            var before = problems.Count;
            void Bad(string column, string reason, string reasonEn) => problems.Add(new RowProblem(rowNumber, column, reason, reasonEn));

            var id = cells[ReviewBodyColumns.UnitId];
            if (id.Length is 0 or > 100)
            {
                Bad(ReviewBodyColumns.UnitId, "评审单位编号必填，长度 1–100 个字符。", "A unit id of 1–100 characters is required.");
            }
            else if (ids.TryGetValue(id, out var first))
            {
                Bad(ReviewBodyColumns.UnitId, $"评审单位 {id} 重复出现，首次出现在第 {first} 行。", $"Unit {id} appears again; first in row {first}.");
            }
            else
            {
                ids[id] = rowNumber;
            }

            var name = cells[ReviewBodyColumns.UnitName];
            if (name.Length is 0 or > RequestLimits.Name)
            {
                Bad(ReviewBodyColumns.UnitName, $"名称必填，长度 1–{RequestLimits.Name} 个字符。", $"A name of 1–{RequestLimits.Name} characters is required.");
            }

            var organizationId = cells[ReviewBodyColumns.OrganizationId];
            if (!organizations.TryGetValue(organizationId, out var organization))
            {
                organization = organizationId.Length is 0 or > 100 ? null : await bodies.GetOrganizationAsync(organizationId, ct);
                organizations[organizationId] = organization;
            }

            if (organization is null)
            {
                Bad(ReviewBodyColumns.OrganizationId, $"评审组织单位“{organizationId}”尚未登记，请先导入评审组织单位表。", $"Organization '{organizationId}' is not registered; import the organization sheet first.");
            }
            else if (!(caller.Role == Party.Administrator || (caller.Role == Party.Regulator && caller.Level == organization.Level && caller.CoversRegion(organization.RegionCode))))
            {
                Bad(ReviewBodyColumns.OrganizationId, $"{organizationId} 的评审单位由行政区划 {organization.RegionCode} 的{ReviewBodyColumns.LevelLabel(organization.Level)}监管部门批准，当前用户无权导入。",
                    $"Units of {organizationId} are approved by the {ReviewBodyColumns.LevelLabel(organization.Level)} regulator of region {organization.RegionCode}, not by this caller.");
            }

            var gradeCells = cells[ReviewBodyColumns.Grades].Split(ReviewBodyColumns.ListSeparators, StringSplitOptions.RemoveEmptyEntries);
            var grades = gradeCells.Select(g => RegisterColumns.Grades.TryGetValue(g, out var grade) ? grade : (Grade?)null).ToList();
            if (grades.Count is 0 or > RequestLimits.Items || grades.Contains(null))
            {
                Bad(ReviewBodyColumns.Grades, $"“{cells[ReviewBodyColumns.Grades]}”不是 1–{RequestLimits.Items} 个等级（{string.Join("、", RegisterColumns.Grades.Keys)}）以“、”分隔的列表。",
                    $"'{cells[ReviewBodyColumns.Grades]}' is not a list of 1–{RequestLimits.Items} grades ({string.Join("、", RegisterColumns.Grades.Keys)}), separated by 、.");
            }

            var industryCells = cells[ReviewBodyColumns.Industries].Split(ReviewBodyColumns.ListSeparators, StringSplitOptions.RemoveEmptyEntries);
            var industries = industryCells.Select(i => RegisterColumns.Industries.TryGetValue(i, out var known) ? known : Domain.Profiles.Industries.Known.Contains(i) ? i : null).ToList();
            if (industries.Count is 0 or > RequestLimits.Items || industries.Contains(null))
            {
                Bad(ReviewBodyColumns.Industries, $"“{cells[ReviewBodyColumns.Industries]}”不是 1–{RequestLimits.Items} 个行业（{string.Join("、", RegisterColumns.Industries.Keys)}）以“、”分隔的列表。",
                    $"'{cells[ReviewBodyColumns.Industries]}' is not a list of 1–{RequestLimits.Items} industries ({string.Join("、", RegisterColumns.Industries.Keys)}), separated by 、.");
            }

            var through = RegisterCheck.Date(cells[ReviewBodyColumns.AccreditedThrough]);
            if (through is null)
            {
                Bad(ReviewBodyColumns.AccreditedThrough, $"“{cells[ReviewBodyColumns.AccreditedThrough]}”不是日期（2027-03-14、2027/3/14 或 2027年3月14日）。",
                    $"'{cells[ReviewBodyColumns.AccreditedThrough]}' is not a date (2027-03-14, 2027/3/14 or 2027年3月14日).");
            }

            JurisdictionProfile? profile = null;
            if (organization is not null && through is { } last && problems.Count == before)
            {
                try
                {
                    profile = profiles.Resolve(organization.RegionCode, industries.FirstOrDefault(i => i != Domain.Profiles.Industries.All, Domain.Profiles.Industries.Other)!, today);
                }
                catch (ProfileNotFoundException e)
                {
                    Bad(ReviewBodyColumns.Industries, $"没有适用于行政区划 {organization.RegionCode} 及所列行业的地方规定配置。", e.Message);
                }
            }

            if (profile is not null && await bodies.OwnerOfUnitAsync(id, ct) is { } owner && owner != organizationId)
            {
                Bad(ReviewBodyColumns.UnitId, $"评审单位编号“{id}”已登记在评审组织单位 {owner} 名下；评审单位编号在各评审组织单位之间唯一。",
                    $"Unit id '{id}' is registered under organization {owner}; unit ids are unique across organizations.");
            }

            if (problems.Count == before && profile is not null)
            {
                rows.Add((rowNumber, new ReviewUnit(id, organizationId, name, [.. grades.Select(g => g!.Value)], [.. industries.Select(i => i!)], through!.Value, []), organization!, profile));
            }
        }

        var plans = new List<(ReviewUnit Unit, ReviewOrganization Organization, JurisdictionProfile Profile, ReviewUnit? Existing)>();
        foreach (var (_, unit, organization, profile) in rows)
        {
            plans.Add((unit, organization, profile, await bodies.FindUnitAsync(organization.Id, unit.Id, ct)));
        }

        var changed = plans.Where(p => p.Existing is not null && !Same(p.Existing, p.Unit)).ToList();
        var report = new ImportReport(dryRun || problems.Count > 0, file.Rows.Count, 0, 0, 0, 0, plans.Count(p => p.Existing is not null) - changed.Count,
            ReviewOrganizationImport.Ordered(problems))
        {
            Sheet = RegisterSheets.Name(RegisterSheet.ReviewUnits),
            UnitsCreated = plans.Count(p => p.Existing is null),
            UnitsChanged = changed.Count,
        };
        if (report.DryRun)
        {
            return report;
        }

        foreach (var (unit, organization, profile, existing) in plans)
        {
            if (existing is not null && Same(existing, unit))
            {
                continue;
            }

            // The term that ends on the sheet's day: the same day-before-the-anniversary convention the workflow counts with.
            var from = unit.AccreditedThrough.PlusYears(-profile.AccreditationYears.Value).PlusDays(1);
            var started = await workflows.StartAsync(WorkflowKinds.Accreditation, unit.Id,
                new AccreditationGranted(unit.Id, organization.RegionCode, unit.ApprovedGrades.Min(), profile.Id, from), StartEventId, caller.Subject, ct);
            if (started.Outcome == Outcome.Rejected)
            {
                throw new InvalidOperationException($"Unit {unit.Id} was refused by its accreditation workflow: {started.Reason}");
            }

            await bodies.ClaimUnitAsync(unit.Id, organization.Id, ct);
            await bodies.SaveUnitAsync(unit with { Consulting = existing?.Consulting ?? [] }, ct);
        }

        return report;
    }

    private static bool Same(ReviewUnit existing, ReviewUnit row) =>
        existing.Name == row.Name && existing.AccreditedThrough == row.AccreditedThrough
        && existing.ApprovedGrades.Order().SequenceEqual(row.ApprovedGrades.Order())
        && existing.Industries.Order(StringComparer.Ordinal).SequenceEqual(row.Industries.Order(StringComparer.Ordinal));
}
