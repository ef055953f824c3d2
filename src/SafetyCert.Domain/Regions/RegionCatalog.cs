using System.Collections.Frozen;

namespace SafetyCert.Domain.Regions;

/// <summary>
/// The regions the product knows: every province, and the cities and districts its profiles and
/// demo data name. Any six-digit code whose province is known resolves to that province.
/// </summary>
public sealed class RegionCatalog
{
    private const string ResourceName = "SafetyCert.Domain.Regions.regions.csv";
    private const string Header = "code,name,abbreviation,parent,name_en";

    private readonly FrozenDictionary<string, Region> regions;

    private RegionCatalog(IEnumerable<Region> rows)
    {
        regions = rows.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);
    }

    /// <summary>The regions shipped with the product.</summary>
    public static RegionCatalog Embedded { get; } = LoadEmbedded();

    /// <summary>Every region, by code.</summary>
    public IEnumerable<Region> All => regions.Values.OrderBy(r => r.Code, StringComparer.Ordinal);

    /// <summary>
    /// Reads rows of <c>code,name,abbreviation,parent,name_en</c> under that header. Every province needs an
    /// abbreviation, every other region a known parent.
    /// </summary>
    /// <exception cref="FormatException">A row is malformed; the message gives its line.</exception>
    public static RegionCatalog Parse(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || lines[0] != Header)
        {
            throw new FormatException($"Region list must start with the header '{Header}'.");
        }

        var rows = new List<Region>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            var cells = lines[i].Split(',');
            if (cells.Length != 5 || !IsCode(cells[0]) || cells[1].Length == 0 || cells[4].Length == 0)
            {
                throw new FormatException($"Region list line {i + 1} '{lines[i]}' is not code,name,abbreviation,parent,name_en with a six-digit code.");
            }

            var parent = cells[3].Length == 0 ? null : cells[3];
            if ((parent is null) != (cells[2].Length > 0))
            {
                throw new FormatException($"Region list line {i + 1}: a province needs an abbreviation and no parent; any other region a parent and no abbreviation.");
            }

            rows.Add(new Region(cells[0], cells[1], cells[2].Length == 0 ? null : cells[2], parent, cells[4]));
        }

        var duplicate = rows.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new FormatException($"Region {duplicate.Key} is listed twice.");
        }

        var codes = rows.Select(r => r.Code).ToHashSet();
        var orphan = rows.FirstOrDefault(r => r.Parent is not null && !codes.Contains(r.Parent));
        return orphan is null ? new RegionCatalog(rows) : throw new FormatException($"Region {orphan.Code} names an unknown parent {orphan.Parent}.");
    }

    /// <summary>Whether <paramref name="code"/> is a listed region; the test for a region a request names.</summary>
    public bool Contains(string? code) => code is not null && IsCode(code) && regions.ContainsKey(code);

    /// <summary>
    /// Whether <paramref name="code"/> is somewhere the product knows: the whole country (<c>000000</c>) or any code
    /// of a listed province; the test for the region a caller's token names.
    /// </summary>
    public bool Knows(string? code) => code is not null && IsCode(code) && (code == "000000" || regions.ContainsKey(code[..2] + "0000"));

    /// <summary>The region with a code.</summary>
    /// <exception cref="RegionNotFoundException">The code is malformed or unknown.</exception>
    public Region Find(string code)
    {
        EnsureCode(code);
        return regions.TryGetValue(code, out var region)
            ? region
            : throw new RegionNotFoundException($"Region {code} is not in the region list (Regions/regions.csv).");
    }

    /// <summary>The region with a code, or null when it is not listed.</summary>
    /// <exception cref="RegionNotFoundException">The code is not six digits.</exception>
    public Region? TryFind(string code)
    {
        EnsureCode(code);
        return regions.GetValueOrDefault(code);
    }

    /// <summary>The province a six-digit code lies in, whether or not the code itself is listed (640104 → 宁夏).</summary>
    /// <exception cref="RegionNotFoundException">The code is malformed or its province is unknown.</exception>
    public Region ProvinceOf(string code)
    {
        EnsureCode(code);
        var provinceCode = code[..2] + "0000";
        return regions.TryGetValue(provinceCode, out var province)
            ? province
            : throw new RegionNotFoundException($"Region {code} lies in no known province ({provinceCode} is not in the region list).");
    }

    private static void EnsureCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!IsCode(code))
        {
            throw new RegionNotFoundException($"Region code '{code}' is not a six-digit GB/T 2260 code.");
        }
    }

    private static bool IsCode(string text) => text.Length == 6 && text.All(char.IsAsciiDigit);

    private static RegionCatalog LoadEmbedded()
    {
        using var stream = typeof(RegionCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }
}
