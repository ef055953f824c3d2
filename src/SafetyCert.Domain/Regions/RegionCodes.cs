namespace SafetyCert.Domain.Regions;

/// <summary>
/// GB/T 2260 codes are three pairs of digits (province, city, county); trailing zero pairs widen a code
/// to the whole province or city, and <c>000000</c> is the whole country.
/// </summary>
public static class RegionCodes
{
    /// <summary>Whether <paramref name="region"/> covers <paramref name="code"/> (a province covers its cities and counties).</summary>
    public static bool Covers(string region, string code)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(code);
        return code.StartsWith(region[..(Specificity(region) * 2)], StringComparison.Ordinal);
    }

    /// <summary>How many digit pairs of a code are significant: 0 nationwide, 1 a province, 2 a city, 3 a county.</summary>
    public static int Specificity(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return (region.TrimEnd('0').Length + 1) / 2;
    }

    /// <summary>Whether a text is a six-digit code.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);
}
