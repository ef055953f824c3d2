using SafetyCert.Domain.Regions;

namespace SafetyCert.Functions.Api;

/// <summary>How the API names parties that have no registered name of their own: regulators and administrators.</summary>
internal static class PartyNames
{
    public const string Administrator = "系统管理员";

    private const string Country = "000000";

    /// <summary>The regulator over a region: the region's name and 应急管理部门 (安全监管部门 before 2018, RULES.md §1).</summary>
    public static string Regulator(string regionCode) => RegionName(regionCode) + "应急管理部门";

    /// <summary>A listed region's name; for a code not listed itself, its province's name and the code.</summary>
    public static string RegionName(string regionCode)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        if (regionCode == Country)
        {
            return "国家";
        }

        return RegionCatalog.Embedded.TryFind(regionCode)?.Name ?? $"{RegionCatalog.Embedded.ProvinceOf(regionCode).Name}（{regionCode}）";
    }
}
