using System.Collections.Frozen;

namespace SafetyCert.Domain.Profiles;

/// <summary>
/// The one industry vocabulary of profiles and enterprises. The names follow the industries seed 001
/// art.2 and annex 1 list; <see cref="IndustryTrade"/> (工贸) is the umbrella seed 002 uses for the
/// trades below it, and <see cref="All"/> (<c>*</c>) is what a profile covering every industry lists.
/// </summary>
public static class Industries
{
    /// <summary>Every industry; only a profile lists it.</summary>
    public const string All = "*";

    /// <summary>非煤矿山: metal and non-metal mines, onshore oil and gas [000].</summary>
    public const string NonCoalMine = "non-coal-mine";

    /// <summary>海洋石油天然气开采: announced nationally at every grade [000 §1(4)].</summary>
    public const string OffshoreOilGas = "offshore-oil-gas";

    /// <summary>危险化学品.</summary>
    public const string HazardousChemicals = "hazardous-chemicals";

    /// <summary>烟花爆竹.</summary>
    public const string Fireworks = "fireworks";

    /// <summary>化工.</summary>
    public const string Chemicals = "chemicals";

    /// <summary>医药.</summary>
    public const string Pharmaceuticals = "pharmaceuticals";

    /// <summary>工贸: the umbrella over metallurgy, nonferrous metals, building materials, machinery, light industry, textiles, tobacco and commerce.</summary>
    public const string IndustryTrade = "industry-trade";

    /// <summary>冶金.</summary>
    public const string Metallurgy = "metallurgy";

    /// <summary>有色.</summary>
    public const string Nonferrous = "nonferrous";

    /// <summary>建材.</summary>
    public const string BuildingMaterials = "building-materials";

    /// <summary>机械.</summary>
    public const string Machinery = "machinery";

    /// <summary>轻工.</summary>
    public const string LightIndustry = "light-industry";

    /// <summary>纺织.</summary>
    public const string Textiles = "textiles";

    /// <summary>烟草.</summary>
    public const string Tobacco = "tobacco";

    /// <summary>商贸.</summary>
    public const string Commerce = "commerce";

    /// <summary>建筑施工.</summary>
    public const string Construction = "construction";

    /// <summary>Any other industry.</summary>
    public const string Other = "other";

    private static readonly FrozenSet<string> IndustryTradeMembers = FrozenSet.Create(
        StringComparer.Ordinal, Metallurgy, Nonferrous, BuildingMaterials, Machinery, LightIndustry, Textiles, Tobacco, Commerce);

    /// <summary>Every industry an enterprise can be in (everything but <see cref="All"/>).</summary>
    public static FrozenSet<string> Known { get; } = FrozenSet.Create(
        StringComparer.Ordinal,
        [NonCoalMine, OffshoreOilGas, HazardousChemicals, Fireworks, Chemicals, Pharmaceuticals, IndustryTrade,
            Metallurgy, Nonferrous, BuildingMaterials, Machinery, LightIndustry, Textiles, Tobacco, Commerce, Construction, Other]);

    /// <summary>Whether an industry a profile lists covers an enterprise's industry: itself, <c>*</c>, or the 工贸 umbrella over its trades.</summary>
    public static bool Covers(string listed, string industry) =>
        listed == All || listed == industry || (listed == IndustryTrade && IndustryTradeMembers.Contains(industry));

    /// <summary>Throws when an enterprise's industry is not in the vocabulary.</summary>
    /// <exception cref="ArgumentException">The industry is unknown.</exception>
    public static void EnsureKnown(string industry)
    {
        ArgumentNullException.ThrowIfNull(industry);
        if (!Known.Contains(industry))
        {
            throw new ArgumentException(
                $"'{industry}' is not a known industry. Known: {string.Join(", ", Known.Order(StringComparer.Ordinal))}.", nameof(industry));
        }
    }
}
