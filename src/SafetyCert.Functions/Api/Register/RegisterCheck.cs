using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Enterprises;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Regions;
using SafetyCert.Functions.Access;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// Checks every row of an imported ledger against the domain's own rules (credit code with its check character, region
/// catalog, certificate numbering, the profile's last valid day) and the file itself (duplicates), and reports each
/// bad cell. Nothing here writes.
/// </summary>
internal static class RegisterCheck
{
    private static readonly LocalDatePattern[] DatePatterns =
    [
        LocalDatePattern.Iso,
        LocalDatePattern.CreateWithInvariantCulture("uuuu/M/d"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu-M-d"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu'年'M'月'd'日'"),
        LocalDatePattern.CreateWithInvariantCulture("uuuu.M.d"),
    ];

    public static (List<RegisterRow> Rows, List<RowProblem> Problems) Check(RegisterFile file, Caller caller, LocalDate today, ProfileCatalog profiles)
    {
        var problems = new List<RowProblem>();
        var rows = new List<RegisterRow>();
        var missing = RegisterColumns.All.Where(c => !file.Headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            problems.AddRange(missing.Select(c => new RowProblem(1, c, $"表头缺少“{c}”列；模板的列为 {string.Join("、", RegisterColumns.All)}。", $"The header row has no column '{c}'; the template's columns are {string.Join("、", RegisterColumns.All)}.")));
            return (rows, problems);
        }

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var enterprises = new Dictionary<string, (int Row, string Name, string Region, string Industry)>(StringComparer.Ordinal);
        foreach (var (rowNumber, cells) in file.Rows)
        {
            var before = problems.Count;
            void Bad(string column, string reason, string reasonEn) => problems.Add(new RowProblem(rowNumber, column, reason, reasonEn));

            var code = cells[RegisterColumns.CreditCode].ToUpperInvariant();
            if (UnifiedSocialCreditCode.Problem(code) is { } codeProblem)
            {
                Bad(RegisterColumns.CreditCode, codeProblem.Chinese, codeProblem.English);
            }

            var name = cells[RegisterColumns.Name];
            if (name.Length is 0 or > 200)
            {
                Bad(RegisterColumns.Name, "企业名称必填，长度 1–200 个字符。", "An enterprise name of 1–200 characters is required.");
            }

            var regionCode = cells[RegisterColumns.RegionCode];
            var region = RegionCodes.IsWellFormed(regionCode) ? RegionCatalog.Embedded.TryFind(regionCode) : null;
            if (region is null)
            {
                Bad(RegisterColumns.RegionCode, $"“{regionCode}”不是已知的六位行政区划代码（GB/T 2260）。", $"'{regionCode}' is not a known six-digit region code (GB/T 2260).");
            }
            else if (!caller.CoversRegion(regionCode))
            {
                Bad(RegisterColumns.RegionCode, $"行政区划 {regionCode} 不在当前用户的管辖区域 {caller.RegionCode} 内。", $"Region {regionCode} is outside this caller's region {caller.RegionCode}.");
            }

            if (!RegisterColumns.Grades.TryGetValue(cells[RegisterColumns.Grade], out var grade))
            {
                Bad(RegisterColumns.Grade, $"“{cells[RegisterColumns.Grade]}”不是等级（{string.Join("、", RegisterColumns.Grades.Keys)}）。", $"'{cells[RegisterColumns.Grade]}' is not a grade ({string.Join("、", RegisterColumns.Grades.Keys)}).");
            }

            var industryText = cells[RegisterColumns.Industry];
            var industry = RegisterColumns.Industries.TryGetValue(industryText, out var known) ? known
                : Industries.Known.Contains(industryText) ? industryText : null;
            if (industry is null)
            {
                Bad(RegisterColumns.Industry, $"“{industryText}”不是行业（{string.Join("、", RegisterColumns.Industries.Keys)}）。", $"'{industryText}' is not an industry ({string.Join("、", RegisterColumns.Industries.Keys)}).");
            }

            var issuingBody = cells[RegisterColumns.IssuingBody];
            if (issuingBody.Length is 0 or > 200)
            {
                Bad(RegisterColumns.IssuingBody, "发证机关必填，长度 1–200 个字符。", "The issuing body (1–200 characters) is required.");
            }

            var issuedOn = Date(cells[RegisterColumns.IssuedOn]);
            if (issuedOn is null)
            {
                Bad(RegisterColumns.IssuedOn, $"“{cells[RegisterColumns.IssuedOn]}”不是日期（2024-03-15、2024/3/15 或 2024年3月15日）。", $"'{cells[RegisterColumns.IssuedOn]}' is not a date (2024-03-15, 2024/3/15 or 2024年3月15日).");
            }
            else if (issuedOn > today)
            {
                Bad(RegisterColumns.IssuedOn, $"发证日期 {issuedOn:yyyy-MM-dd} 晚于今天（{today:yyyy-MM-dd}）。", $"{issuedOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
            }

            var lastValidDay = Date(cells[RegisterColumns.LastValidDay]);
            if (lastValidDay is null)
            {
                Bad(RegisterColumns.LastValidDay, $"“{cells[RegisterColumns.LastValidDay]}”不是日期（2027-03-14、2027/3/14 或 2027年3月14日）。", $"'{cells[RegisterColumns.LastValidDay]}' is not a date (2027-03-14, 2027/3/14 or 2027年3月14日).");
            }

            var number = cells[RegisterColumns.Number];
            if (!CertificateNumber.TryParse(number, out var parsed))
            {
                Bad(RegisterColumns.Number, $"“{number}”不符合证书编号规则：省份简称 + AQB + Ⅰ/Ⅱ/Ⅲ 或 XW + 发证年份 + 六位顺序号，例如 宁AQBⅡ2024000001。",
                    $"'{number}' does not follow the numbering rule (RULES.md §5): province abbreviation + AQB + Ⅰ/Ⅱ/Ⅲ or XW + issue year + six-digit sequence, e.g. 宁AQBⅡ2024000001.");
            }
            else
            {
                if (region is not null && RegionCatalog.Embedded.ProvinceOf(region.Code).Abbreviation != parsed!.RegionAbbreviation)
                {
                    Bad(RegisterColumns.Number, $"“{number}”以“{parsed.RegionAbbreviation}”开头，但行政区划 {regionCode} 属于“{RegionCatalog.Embedded.ProvinceOf(region.Code).Abbreviation}”。",
                        $"'{number}' starts with {parsed.RegionAbbreviation}, but region {regionCode} belongs to {RegionCatalog.Embedded.ProvinceOf(region.Code).Abbreviation}.");
                }

                if (RegisterColumns.Grades.ContainsKey(cells[RegisterColumns.Grade]) && parsed!.Grade != grade)
                {
                    Bad(RegisterColumns.Number, $"“{number}”表示的等级为{RegisterColumns.GradeLabel(parsed.Grade)}，但本行等级为{cells[RegisterColumns.Grade]}。",
                        $"'{number}' carries grade {RegisterColumns.GradeLabel(parsed.Grade)}, but the row says {cells[RegisterColumns.Grade]}.");
                }

                if (issuedOn is { } year && parsed!.IssueYear != year.Year)
                {
                    Bad(RegisterColumns.Number, $"“{number}”表示的发证年份为 {parsed.IssueYear} 年，但证书发于 {year.Year} 年。",
                        $"'{number}' carries issue year {parsed.IssueYear}, but the certificate was issued in {year.Year}.");
                }

                if (numbers.TryGetValue(number, out var first))
                {
                    Bad(RegisterColumns.Number, $"证书 {number} 重复出现，首次出现在第 {first} 行。", $"Certificate {number} appears again; first in row {first}.");
                }
                else
                {
                    numbers[number] = rowNumber;
                }
            }

            JurisdictionProfile? profile = null;
            if (region is not null && industry is not null && issuedOn is { } issued)
            {
                try
                {
                    profile = profiles.Resolve(region.Code, industry, issued);
                }
                catch (ProfileNotFoundException e)
                {
                    Bad(RegisterColumns.RegionCode, $"没有适用于行政区划 {regionCode}、行业“{industryText}”、日期 {issued:yyyy-MM-dd} 的地方规定配置。",
                        $"No jurisdiction profile covers region {regionCode} and industry {industryText} on {issued:yyyy-MM-dd}: {e.Message}");
                }
            }

            if (profile is not null && lastValidDay is { } last)
            {
                var expected = CertificateValidity.LastValidDay(issuedOn!.Value, profile);
                if (last != expected)
                {
                    Bad(RegisterColumns.LastValidDay,
                        $"发证日期为 {issuedOn:yyyy-MM-dd} 的证书，按地方规定 {profile.Id}（有效期 {profile.CertificateValidityYears.Value} 年）有效期至 {expected:yyyy-MM-dd}，而不是 {last:yyyy-MM-dd}。",
                        $"A certificate issued {issuedOn:yyyy-MM-dd} is valid through {expected:yyyy-MM-dd} under profile {profile.Id} ({profile.CertificateValidityYears.Value} years, RULES.md §5), not {last:yyyy-MM-dd}.");
                }
            }

            var expired = lastValidDay is { } through && through < today;
            var status = cells[RegisterColumns.Status] is "已过期" ? RegisterColumns.Expired : cells[RegisterColumns.Status];
            if (status is not (RegisterColumns.Valid or RegisterColumns.Expired or "") && !RegisterColumns.RecordedStatuses.Contains(status))
            {
                Bad(RegisterColumns.Status, $"“{status}”不是状态：应为{RegisterColumns.Valid}、{RegisterColumns.Expired}、{string.Join("、", RegisterColumns.RecordedStatuses)}或留空。",
                    $"'{status}' is not a status: {RegisterColumns.Valid}, {RegisterColumns.Expired}, {string.Join("、", RegisterColumns.RecordedStatuses)} or empty.");
            }
            else if (status is RegisterColumns.Valid or RegisterColumns.Expired && lastValidDay is not null && (status != RegisterColumns.Valid) != expired)
            {
                Bad(RegisterColumns.Status, $"本行状态为{status}，但有效期至 {lastValidDay:yyyy-MM-dd} 的证书在 {today:yyyy-MM-dd} 应为{(expired ? RegisterColumns.Expired : RegisterColumns.Valid)}。",
                    $"The row says {status}, but a certificate valid through {lastValidDay:yyyy-MM-dd} is {(expired ? RegisterColumns.Expired : RegisterColumns.Valid)} on {today:yyyy-MM-dd}.");
            }

            if (problems.Count == before && region is not null && industry is not null)
            {
                if (enterprises.TryGetValue(code, out var seen) && (seen.Name != name || seen.Region != region.Code || seen.Industry != industry))
                {
                    Bad(RegisterColumns.CreditCode, $"企业 {code} 在第 {seen.Row} 行的名称、行政区划或行业与本行不同。", $"Enterprise {code} appears in row {seen.Row} with another name, region or industry.");
                }
                else
                {
                    enterprises.TryAdd(code, (rowNumber, name, region.Code, industry));
                    rows.Add(new RegisterRow(rowNumber, code, name, number, grade, industry, region.Code, issuingBody, issuedOn!.Value, lastValidDay!.Value, profile!.Id, expired, status));
                }
            }
        }

        return (rows, problems);
    }

    public static LocalDate? Date(string text)
    {
        foreach (var pattern in DatePatterns)
        {
            if (pattern.Parse(text) is { Success: true } result)
            {
                return result.Value;
            }
        }

        return null;
    }
}
