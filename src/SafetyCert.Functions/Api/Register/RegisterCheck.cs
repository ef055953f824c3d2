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
            problems.AddRange(missing.Select(c => new RowProblem(1, c, $"The header row has no column '{c}'; the template's columns are {string.Join("、", RegisterColumns.All)}.")));
            return (rows, problems);
        }

        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var enterprises = new Dictionary<string, (int Row, string Name, string Region, string Industry)>(StringComparer.Ordinal);
        foreach (var (rowNumber, cells) in file.Rows)
        {
            var before = problems.Count;
            void Bad(string column, string reason) => problems.Add(new RowProblem(rowNumber, column, reason));

            var code = cells[RegisterColumns.CreditCode].ToUpperInvariant();
            if (UnifiedSocialCreditCode.Problem(code) is { } codeProblem)
            {
                Bad(RegisterColumns.CreditCode, codeProblem.English);
            }

            var name = cells[RegisterColumns.Name];
            if (name.Length is 0 or > 200)
            {
                Bad(RegisterColumns.Name, "An enterprise name of 1–200 characters is required.");
            }

            var regionCode = cells[RegisterColumns.RegionCode];
            var region = RegionCodes.IsWellFormed(regionCode) ? RegionCatalog.Embedded.TryFind(regionCode) : null;
            if (region is null)
            {
                Bad(RegisterColumns.RegionCode, $"'{regionCode}' is not a known six-digit region code (GB/T 2260).");
            }
            else if (!caller.CoversRegion(regionCode))
            {
                Bad(RegisterColumns.RegionCode, $"Region {regionCode} is outside this caller's region {caller.RegionCode}.");
            }

            if (!RegisterColumns.Grades.TryGetValue(cells[RegisterColumns.Grade], out var grade))
            {
                Bad(RegisterColumns.Grade, $"'{cells[RegisterColumns.Grade]}' is not a grade ({string.Join("、", RegisterColumns.Grades.Keys)}).");
            }

            var industryText = cells[RegisterColumns.Industry];
            var industry = RegisterColumns.Industries.TryGetValue(industryText, out var known) ? known
                : Industries.Known.Contains(industryText) ? industryText : null;
            if (industry is null)
            {
                Bad(RegisterColumns.Industry, $"'{industryText}' is not an industry ({string.Join("、", RegisterColumns.Industries.Keys)}).");
            }

            var issuingBody = cells[RegisterColumns.IssuingBody];
            if (issuingBody.Length is 0 or > 200)
            {
                Bad(RegisterColumns.IssuingBody, "The issuing body (1–200 characters) is required.");
            }

            var issuedOn = Date(cells[RegisterColumns.IssuedOn]);
            if (issuedOn is null)
            {
                Bad(RegisterColumns.IssuedOn, $"'{cells[RegisterColumns.IssuedOn]}' is not a date (2024-03-15, 2024/3/15 or 2024年3月15日).");
            }
            else if (issuedOn > today)
            {
                Bad(RegisterColumns.IssuedOn, $"{issuedOn:yyyy-MM-dd} is after today ({today:yyyy-MM-dd}).");
            }

            var lastValidDay = Date(cells[RegisterColumns.LastValidDay]);
            if (lastValidDay is null)
            {
                Bad(RegisterColumns.LastValidDay, $"'{cells[RegisterColumns.LastValidDay]}' is not a date (2027-03-14, 2027/3/14 or 2027年3月14日).");
            }

            var number = cells[RegisterColumns.Number];
            if (!CertificateNumber.TryParse(number, out var parsed))
            {
                Bad(RegisterColumns.Number, $"'{number}' does not follow the numbering rule (RULES.md §5): province abbreviation + AQB + Ⅰ/Ⅱ/Ⅲ or XW + issue year + six-digit sequence, e.g. 宁AQBⅡ2024000001.");
            }
            else
            {
                if (region is not null && RegionCatalog.Embedded.ProvinceOf(region.Code).Abbreviation != parsed!.RegionAbbreviation)
                {
                    Bad(RegisterColumns.Number, $"'{number}' starts with {parsed.RegionAbbreviation}, but region {regionCode} belongs to {RegionCatalog.Embedded.ProvinceOf(region.Code).Abbreviation}.");
                }

                if (RegisterColumns.Grades.ContainsKey(cells[RegisterColumns.Grade]) && parsed!.Grade != grade)
                {
                    Bad(RegisterColumns.Number, $"'{number}' carries grade {RegisterColumns.GradeLabel(parsed.Grade)}, but the row says {cells[RegisterColumns.Grade]}.");
                }

                if (issuedOn is { } year && parsed!.IssueYear != year.Year)
                {
                    Bad(RegisterColumns.Number, $"'{number}' carries issue year {parsed.IssueYear}, but the certificate was issued in {year.Year}.");
                }

                if (numbers.TryGetValue(number, out var first))
                {
                    Bad(RegisterColumns.Number, $"Certificate {number} appears again; first in row {first}.");
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
                    Bad(RegisterColumns.RegionCode, $"No jurisdiction profile covers region {regionCode} and industry {industryText} on {issued:yyyy-MM-dd}: {e.Message}");
                }
            }

            if (profile is not null && lastValidDay is { } last)
            {
                var expected = CertificateValidity.LastValidDay(issuedOn!.Value, profile);
                if (last != expected)
                {
                    Bad(RegisterColumns.LastValidDay,
                        $"A certificate issued {issuedOn:yyyy-MM-dd} is valid through {expected:yyyy-MM-dd} under profile {profile.Id} ({profile.CertificateValidityYears.Value} years, RULES.md §5), not {last:yyyy-MM-dd}.");
                }
            }

            var expired = lastValidDay is { } through && through < today;
            var status = cells[RegisterColumns.Status] is "已过期" ? RegisterColumns.Expired : cells[RegisterColumns.Status];
            if (status is not (RegisterColumns.Valid or RegisterColumns.Expired or "") && !RegisterColumns.RecordedStatuses.Contains(status))
            {
                Bad(RegisterColumns.Status, $"'{status}' is not a status: {RegisterColumns.Valid}, {RegisterColumns.Expired}, {string.Join("、", RegisterColumns.RecordedStatuses)} or empty.");
            }
            else if (status is RegisterColumns.Valid or RegisterColumns.Expired && lastValidDay is not null && (status != RegisterColumns.Valid) != expired)
            {
                Bad(RegisterColumns.Status, $"The row says {status}, but a certificate valid through {lastValidDay:yyyy-MM-dd} is {(expired ? RegisterColumns.Expired : RegisterColumns.Valid)} on {today:yyyy-MM-dd}.");
            }

            if (problems.Count == before && region is not null && industry is not null)
            {
                if (enterprises.TryGetValue(code, out var seen) && (seen.Name != name || seen.Region != region.Code || seen.Industry != industry))
                {
                    Bad(RegisterColumns.CreditCode, $"Enterprise {code} appears in row {seen.Row} with another name, region or industry.");
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
