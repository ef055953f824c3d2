using System.Security.Claims;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Access;

/// <summary>
/// Who is calling: a role (the parties of RULES.md §1) and the scope it acts in. An enterprise acts for
/// itself; a review organization and a regulator for a region (GB/T 2260 code, covering every code below
/// it); a review unit for itself; an administrator everywhere.
/// </summary>
/// <param name="Subject">The token's subject: a person or system account.</param>
/// <param name="Role">The party the caller acts as.</param>
/// <param name="EnterpriseId">The enterprise, for an enterprise caller.</param>
/// <param name="BodyId">The review organization or review unit, for their callers.</param>
/// <param name="RegionCode">The region a review organization or regulator is responsible for.</param>
/// <param name="Level">The tier of a regulator (national, provincial, municipal).</param>
public sealed record Caller(
    string Subject,
    Party Role,
    string? EnterpriseId = null,
    string? BodyId = null,
    string? RegionCode = null,
    RegulatorLevel? Level = null)
{
    public const string RoleClaim = "role";
    public const string EnterpriseClaim = "enterprise_id";
    public const string BodyClaim = "body_id";
    public const string RegionClaim = "region";
    public const string LevelClaim = "level";

    /// <summary>Reads a caller from validated token claims; null when the claims do not make a complete caller.</summary>
    public static Caller? From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? principal.FindFirstValue("sub");
        if (subject is null || !EnumNames.TryParse<Party>(principal.FindFirstValue(RoleClaim), ignoreCase: false, out var role))
        {
            return null;
        }

        RegulatorLevel? level = null;
        if (principal.FindFirstValue(LevelClaim) is { } levelName)
        {
            // A level claim that names no level makes no caller, rather than a caller without a level.
            if (!EnumNames.TryParse<RegulatorLevel>(levelName, ignoreCase: false, out var parsed))
            {
                return null;
            }

            level = parsed;
        }

        var caller = new Caller(
            subject,
            role,
            principal.FindFirstValue(EnterpriseClaim),
            principal.FindFirstValue(BodyClaim),
            principal.FindFirstValue(RegionClaim),
            level);
        return caller.ScopeProblem() is null ? caller : null;
    }

    /// <summary>The claims a token for this caller carries.</summary>
    public IEnumerable<Claim> Claims()
    {
        yield return new Claim("sub", Subject);
        yield return new Claim(RoleClaim, Role.ToString());
        if (EnterpriseId is not null)
        {
            yield return new Claim(EnterpriseClaim, EnterpriseId);
        }

        if (BodyId is not null)
        {
            yield return new Claim(BodyClaim, BodyId);
        }

        if (RegionCode is not null)
        {
            yield return new Claim(RegionClaim, RegionCode);
        }

        if (Level is { } level)
        {
            yield return new Claim(LevelClaim, level.ToString());
        }
    }

    /// <summary>What is missing or wrong in the scope for the role; null when it is complete.</summary>
    public string? ScopeProblem() => Role switch
    {
        Party.Enterprise when string.IsNullOrEmpty(EnterpriseId) => "an enterprise caller needs enterprise_id",
        Party.ReviewOrganization when string.IsNullOrEmpty(BodyId) || !RegionCatalog.Embedded.Knows(RegionCode) => "a review organization caller needs body_id and a known six-digit region",
        Party.ReviewUnit when string.IsNullOrEmpty(BodyId) => "a review unit caller needs body_id",
        Party.Regulator when !RegionCatalog.Embedded.Knows(RegionCode) || Level is null => "a regulator caller needs a known six-digit region and a level",
        _ => null,
    };

    /// <summary>Whether the caller's region covers a region code (a province covers its cities and counties).</summary>
    public bool CoversRegion(string regionCode) =>
        Role == Party.Administrator || (RegionCode is { } own && RegionCodes.Covers(own, regionCode));

    /// <summary>Whether the caller may see an enterprise's records.</summary>
    public bool MaySee(string enterpriseId, string regionCode) => Role switch
    {
        Party.Administrator => true,
        Party.Enterprise => EnterpriseId == enterpriseId,
        Party.ReviewOrganization or Party.Regulator => CoversRegion(regionCode),
        _ => false,
    };

    /// <summary>
    /// Whether the caller is the regulator that announces, and so revokes, a grade in a region
    /// (RULES.md §1, §7: the announcing body revokes). An administrator may too.
    /// </summary>
    public bool IsRegulatorFor(string regionCode, RegulatorLevel announcingLevel) =>
        Role == Party.Administrator
        || (Role == Party.Regulator && Level == announcingLevel && CoversRegion(regionCode)
            && RegionCode == Jurisdiction.RegulatorRegion(announcingLevel, regionCode));
}
