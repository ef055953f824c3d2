using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Applications;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;

namespace SafetyCert.Functions.Api.Ledger;

/// <summary>
/// <c>/api/ledger</c>: the supervision ledger (RULES.md §9): certified and uncertified enterprises, certificates about to expire and deadlines
/// already missed. Regulators read their own region, administrators any. These reads scan whole tables (see each handler),
/// so each stops at <see cref="MaxScanned"/> rows and says so.
/// </summary>
internal static class LedgerApi
{
    /// <summary>The most rows one ledger read goes through; past it the answer is marked truncated.</summary>
    public const int MaxScanned = 20_000;

    /// <summary>
    /// Counts by class, grouped by region, grade and industry. Scans the enterprises table (registration rows) and reads
    /// the certificate workflow status of each enterprise that holds a certificate.
    /// </summary>
    public static async Task<Results<Ok<LedgerReport>, ProblemHttpResult>> GetAsync(
        Caller caller, IQueryCollection query, EnterpriseRegistry registry, CertificateIndex certificates, WorkflowClient workflows, IClock clock, CancellationToken ct)
    {
        var (region, level, industry) = (ApiQuery.Text(query, "region"), ApiQuery.Text(query, "level"), ApiQuery.Text(query, "industry"));
        var (scope, problem) = Scope(caller, region);
        if (problem is not null)
        {
            return problem;
        }

        Grade? grade = null;
        if (level is not null)
        {
            if (!EnumNames.TryParse<Grade>(level, ignoreCase: false, out var parsed))
            {
                return ApiProblems.Invalid("level", new($"“{level}”不是等级（Level1、Level2、Level3、SmallMicro）。", $"'{level}' is not a grade (Level1, Level2, Level3, SmallMicro)."));
            }

            grade = parsed;
        }

        var today = ApplicationApi.Today(clock);
        var groups = new Dictionary<(string, string, string), (int Certified, int Not, int New)>();
        var (scanned, counted) = (0, 0);
        await foreach (var enterprise in registry.ListAsync(ct))
        {
            if (++scanned > MaxScanned)
            {
                break;
            }

            if (!RegionCodes.Covers(scope!, enterprise.RegionCode) || (industry is not null && enterprise.Industry != industry))
            {
                continue;
            }

            CertificateRecord? certificate = null;
            if (enterprise.CurrentCertificateId is { } certificateId
                && await workflows.GetStatusAsync(WorkflowKinds.Certificate, certificateId, ct) is { } status && CertificateSummaries.InForce(status.Status))
            {
                certificate = await certificates.GetAsync(certificateId, ct);
            }

            var rowGrade = certificate?.Grade ?? enterprise.Grade;
            if (grade is not null && rowGrade != grade)
            {
                continue;
            }

            counted++;
            var key = (enterprise.RegionCode, rowGrade?.ToString() ?? "none", enterprise.Industry);
            var (c, n, fresh) = groups.GetValueOrDefault(key);
            groups[key] = certificate is null ? (c, n + 1, fresh) : (c + 1, n, fresh + (certificate.IssuedOn.Year == today.Year ? 1 : 0));
        }

        var rows = groups
            .Select(g => new LedgerRow(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Value.Certified, g.Value.Not, g.Value.New))
            .OrderBy(r => r.RegionCode, StringComparer.Ordinal).ThenBy(r => r.Grade, StringComparer.Ordinal).ThenBy(r => r.Industry, StringComparer.Ordinal)
            .ToList();
        return TypedResults.Ok(new LedgerReport(scope!, today, rows, counted, scanned > MaxScanned));
    }

    /// <summary>
    /// Certificates in force whose last valid day is within the query's <c>days</c> days (1–366, 90 when absent) from today.
    /// Scans the certificates table; the workflow status is read only for certificates whose term ends inside the window.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<ExpiringCertificate>>, ProblemHttpResult>> ExpiringAsync(
        Caller caller, IQueryCollection query, CertificateIndex certificates, ProfileCatalog profiles, WorkflowClient workflows, IClock clock, CancellationToken ct)
    {
        if (!ApiQuery.TryGet(query, "days", 90, out var days, out var malformed))
        {
            return malformed;
        }

        var region = ApiQuery.Text(query, "region");
        if (days is < 1 or > 366)
        {
            return ApiProblems.Invalid("days", new($"天数须在 1 到 366 之间；{days} 不在此范围内。", $"Between 1 and 366; {days} is not."));
        }

        var (scope, problem) = Scope(caller, region);
        if (problem is not null)
        {
            return problem;
        }

        var today = ApplicationApi.Today(clock);
        var until = today.PlusDays(days);
        var result = new List<ExpiringCertificate>();
        var scanned = 0;
        await foreach (var record in certificates.ListAsync(ct))
        {
            if (++scanned > MaxScanned)
            {
                break;
            }

            if (!RegionCodes.Covers(scope!, record.RegionCode))
            {
                continue;
            }

            var last = CertificateValidity.LastValidDay(record.IssuedOn, profiles.Get(record.ProfileId, record.IssuedOn));
            if (last < today || last > until)
            {
                continue;
            }

            if (await workflows.GetStatusAsync(WorkflowKinds.Certificate, record.CertificateId, ct) is { } status && CertificateSummaries.InForce(status.Status))
            {
                result.Add(new ExpiringCertificate(record.CertificateId, record.Number, record.EnterpriseId, record.RegionCode, record.Grade.ToString(), last, status.Status!));
            }
        }

        return TypedResults.Ok<IReadOnlyList<ExpiringCertificate>>([.. result.OrderBy(c => c.LastValidDay).ThenBy(c => c.Number, StringComparer.Ordinal)]);
    }

    /// <summary>
    /// Running deadlines already past, from the workflow status of every instance linked to the region's enterprises.
    /// Scans the enterprises table, then reads each enterprise's partition and the status of its linked instances.
    /// </summary>
    public static async Task<Results<Ok<IReadOnlyList<OverdueDeadline>>, ProblemHttpResult>> OverdueAsync(
        Caller caller, IQueryCollection query, EnterpriseRegistry registry, WorkflowClient workflows, Notifications.RuleCitation citations, IClock clock, CancellationToken ct)
    {
        var (scope, problem) = Scope(caller, ApiQuery.Text(query, "region"));
        if (problem is not null)
        {
            return problem;
        }

        var today = ApplicationApi.Today(clock);
        var result = new List<OverdueDeadline>();
        var scanned = 0;
        await foreach (var enterprise in registry.ListAsync(ct))
        {
            if (++scanned > MaxScanned)
            {
                break;
            }

            if (!RegionCodes.Covers(scope!, enterprise.RegionCode))
            {
                continue;
            }

            foreach (var (kind, instanceId, deadline, _) in await EnterpriseApi.RunningDeadlinesAsync(enterprise.Id, registry, workflows, ct))
            {
                if (deadline.Due < today)
                {
                    var (rule, ruleEn) = citations.Cite(deadline.Rule);
                    result.Add(new OverdueDeadline(enterprise.Id, enterprise.RegionCode, kind, instanceId, deadline.Name, Enterprises.DeadlineTitles.Of(deadline.Name), deadline.Due, rule, ruleEn));
                }
            }
        }

        return TypedResults.Ok<IReadOnlyList<OverdueDeadline>>([.. result.OrderBy(d => d.Due).ThenBy(d => d.EnterpriseId, StringComparer.Ordinal)]);
    }

    /// <summary>The region a caller reads: a regulator its own or one below it, an administrator any (the whole country when none is named).</summary>
    internal static (string? Region, ProblemHttpResult? Problem) Scope(Caller caller, string? region, string parameter = "region")
    {
        if (region is not null && !RegionCatalog.Embedded.Contains(region))
        {
            return (null, ApiProblems.Invalid(parameter, new($"“{region}”不是已知的六位行政区划代码。", $"'{region}' is not a known six-digit region code.")));
        }

        return caller.Role switch
        {
            Party.Administrator => (region ?? "000000", null),
            Party.Regulator when region is null => (caller.RegionCode, null),
            Party.Regulator when caller.CoversRegion(region) => (region, null),
            _ => (null, ApiProblems.Forbidden("The ledger is read by a regulator for its own region, or by an administrator.")),
        };
    }
}
