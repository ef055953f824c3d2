using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Access;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Ledger;
using SafetyCert.Functions.Api.Language;

namespace SafetyCert.Functions.Api.Search;

/// <summary>
/// The filters and paging of <c>GET /api/enterprises</c> and <c>GET /api/certificates</c>, read from the query string. Every
/// bad value is named in one 400 before anything is read; the region is the caller's own unless it names one inside it.
/// </summary>
internal sealed record SearchQuery(string Region, Grade? Grade, string? Industry, string? Text, string? Status, LocalDate? ExpiringBefore, int Page, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The statuses a certificate can be listed by: its workflow's, or <c>Issuing</c> before that starts.</summary>
    public static IReadOnlyList<string> CertificateStatuses { get; } = [CertificateSummaries.Issuing, .. Enum.GetNames<CertificateStatus>().Where(s => s != nameof(CertificateStatus.NotIssued))];

    /// <summary>The query, or the 400 naming every bad parameter, or the 403 when the caller may not search that region.</summary>
    public static (SearchQuery? Query, ProblemHttpResult? Problem) Parse(IQueryCollection query, Caller caller, bool certificates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        var problems = new List<(string, ApiText)>();
        var region = ApiQuery.Text(query, "regionCode");
        if (region is not null && !RegionCatalog.Embedded.Contains(region))
        {
            problems.Add(("regionCode", new($"“{region}”不是已知的六位行政区划代码。", $"'{region}' is not a known six-digit region code.")));
        }

        Grade? grade = null;
        if (ApiQuery.Text(query, "grade") is { } gradeText)
        {
            if (EnumNames.TryParse<Grade>(gradeText, ignoreCase: false, out var parsed))
            {
                grade = parsed;
            }
            else
            {
                problems.Add(("grade", new($"“{gradeText}”不是等级（Level1、Level2、Level3、SmallMicro）。", $"'{gradeText}' is not a grade (Level1, Level2, Level3, SmallMicro).")));
            }
        }

        var industry = ApiQuery.Text(query, "industry");
        if (industry is not null && !Industries.Known.Contains(industry))
        {
            problems.Add(("industry", new(
                $"“{industry}”不是已知的行业（{string.Join("、", Industries.Known.Order(StringComparer.Ordinal))}）。",
                $"'{industry}' is not a known industry ({string.Join(", ", Industries.Known.Order(StringComparer.Ordinal))}).")));
        }

        var text = ApiQuery.Text(query, "q")?.Trim();
        if (RequestLimits.TooLong(text, "q", RequestLimits.Name) is { } tooLong)
        {
            problems.Add(tooLong);
        }

        string? status = null;
        LocalDate? expiringBefore = null;
        if (certificates)
        {
            status = ApiQuery.Text(query, "status");
            if (status is not null && !CertificateStatuses.Contains(status, StringComparer.Ordinal))
            {
                problems.Add(("status", new($"“{status}”不是证书状态（{string.Join("、", CertificateStatuses)}）。", $"'{status}' is not a certificate status ({string.Join(", ", CertificateStatuses)}).")));
            }

            if (ApiQuery.Text(query, "expiringBefore") is { } dateText)
            {
                var parsed = LocalDatePattern.Iso.Parse(dateText);
                if (parsed.Success && parsed.Value.Year is >= 1900 and <= 2199)
                {
                    expiringBefore = parsed.Value;
                }
                else
                {
                    problems.Add(("expiringBefore", new($"“{dateText}”不是日期（yyyy-MM-dd，1900-01-01 至 2199-12-31）。", $"'{dateText}' is not a date (yyyy-MM-dd, 1900-01-01..2199-12-31).")));
                }
            }
        }

        var page = Number(query, "page", 1, 1, int.MaxValue, problems);
        var pageSize = Number(query, "pageSize", DefaultPageSize, 1, MaxPageSize, problems);
        if (problems.Count > 0)
        {
            return (null, ApiProblems.Invalid(problems));
        }

        var (scope, denied) = LedgerApi.Scope(caller, region, "regionCode");
        return denied is not null
            ? (null, ApiProblems.Forbidden("Enterprises and certificates are searched by a regulator in its own region, or by an administrator."))
            : (new SearchQuery(scope!, grade, industry, string.IsNullOrEmpty(text) ? null : text, status, expiringBefore, page, pageSize), null);
    }

    /// <summary>Whether a region code lies in the searched region (a province covers its cities and counties).</summary>
    public bool Covers(string regionCode) => RegionCodes.Covers(Region, regionCode);

    /// <summary>Whether an industry matches the filter (工贸 covers its trades).</summary>
    public bool MatchesIndustry(string industry) => Industry is null || Industries.Covers(Industry, industry);

    /// <summary>Whether any of the texts contains the <c>q</c> words, ignoring case.</summary>
    public bool MatchesText(params string?[] texts) =>
        Text is null || texts.Any(t => t is not null && t.Contains(Text, StringComparison.OrdinalIgnoreCase));

    /// <summary>The page of <paramref name="matches"/> this query asks for.</summary>
    public SearchPage<T> PageOf<T>(IReadOnlyList<T> matches)
    {
        ArgumentNullException.ThrowIfNull(matches);
        var skip = (long)(Page - 1) * PageSize;
        return new SearchPage<T>(skip >= matches.Count ? [] : [.. matches.Skip((int)skip).Take(PageSize)], matches.Count, Page, PageSize);
    }

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max, List<(string, ApiText)> problems)
    {
        var text = ApiQuery.Text(query, name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            var upper = max == int.MaxValue ? "" : max.ToString(CultureInfo.InvariantCulture);
            problems.Add((name, new($"“{text}”不是 {min} 到 {(upper.Length == 0 ? "任意大" : upper)} 之间的整数。", $"'{text}' is not a whole number in {min}..{upper}.")));
            return fallback;
        }

        return value;
    }
}
