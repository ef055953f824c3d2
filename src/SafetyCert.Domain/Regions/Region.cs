namespace SafetyCert.Domain.Regions;

/// <summary>
/// A GB/T 2260 administrative region. <paramref name="Abbreviation"/> is the one-character short name
/// provinces carry (宁, 京), used in certificate numbers; null below province level.
/// <paramref name="Parent"/> is null for a province.
/// </summary>
public sealed record Region(string Code, string Name, string? Abbreviation, string? Parent, string NameEn)
{
    /// <summary>Whether this is a province-level region (province, autonomous region, province-level city).</summary>
    public bool IsProvince => Parent is null;
}
