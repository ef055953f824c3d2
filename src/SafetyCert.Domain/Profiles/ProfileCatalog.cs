using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Serialization;

namespace SafetyCert.Domain.Profiles;

/// <summary>
/// The jurisdiction profiles the product knows, and the rule that picks one: the most specific region
/// that covers the enterprise, for its industry, in force on the date.
/// </summary>
public sealed class ProfileCatalog
{
    private const string ResourcePrefix = "SafetyCert.Domain.Profiles.";

    public ProfileCatalog(IEnumerable<JurisdictionProfile> profiles)
    {
        Profiles = [.. profiles.OrderBy(p => p.Id, StringComparer.Ordinal).ThenBy(p => p.EffectiveFrom)];
        var duplicate = Profiles.GroupBy(p => (p.Id, p.EffectiveFrom)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Profile {duplicate.Key.Id} effective {duplicate.Key.EffectiveFrom} is defined twice.", nameof(profiles));
        }
    }

    // Static initializers run in text order: the options must exist before the embedded files are read.

    /// <summary>JSON options for profile files: camelCase, enums and NodaTime dates as strings.</summary>
    public static JsonSerializerOptions JsonOptions => DomainJson.Options;

    /// <summary>The profiles embedded in the product.</summary>
    public static ProfileCatalog Embedded { get; } = LoadEmbedded();

    public ImmutableArray<JurisdictionProfile> Profiles { get; }

    /// <summary>A profile by id, in force on a date (the newest version when no date is given).</summary>
    public JurisdictionProfile Get(string id, LocalDate? on = null)
    {
        var versions = Profiles.Where(p => p.Id == id).ToList();
        if (versions.Count == 0)
        {
            throw new ProfileNotFoundException($"There is no profile '{id}'. Known: {string.Join(", ", Profiles.Select(p => p.Id).Distinct())}.");
        }

        var match = on is { } date ? versions.Where(p => p.InForceOn(date)).MaxBy(p => p.EffectiveFrom) : versions.MaxBy(p => p.EffectiveFrom);
        return match ?? throw new ProfileNotFoundException($"Profile '{id}' is not in force on {on:yyyy-MM-dd}.");
    }

    /// <summary>
    /// The profile for an enterprise in a region (GB/T 2260 code) and industry on a date: the most
    /// specific region that covers it, then the newest version in force.
    /// </summary>
    public JurisdictionProfile Resolve(string regionCode, string industry, LocalDate on)
    {
        ArgumentNullException.ThrowIfNull(regionCode);
        Industries.EnsureKnown(industry);
        if (regionCode.Length != 6 || !regionCode.All(char.IsAsciiDigit))
        {
            throw new ProfileNotFoundException($"Region code '{regionCode}' is not a six-digit GB/T 2260 code.");
        }

        var best = Profiles
            .Where(p => p.InForceOn(on) && p.CoversIndustry(industry))
            .SelectMany(p => p.Regions.Where(r => RegionCodes.Covers(r, regionCode)).Select(r => (Profile: p, Specificity: RegionCodes.Specificity(r))))
            .OrderByDescending(m => m.Specificity)
            .ThenByDescending(m => m.Profile.EffectiveFrom)
            .FirstOrDefault();
        return best.Profile ?? throw new ProfileNotFoundException(
            $"No profile covers region {regionCode}, industry '{industry}' on {on:yyyy-MM-dd}.");
    }

    /// <summary>Reads one profile from its JSON text and checks that its values make sense.</summary>
    /// <exception cref="JsonException">The text is not a profile, or a value is out of range; the message names the field.</exception>
    public static JurisdictionProfile Parse(string json)
    {
        var profile = JsonSerializer.Deserialize<JurisdictionProfile>(json, JsonOptions)
            ?? throw new JsonException("A profile file holds null.");
        var problems = ProfileChecks.Problems(profile).ToList();
        return problems.Count == 0
            ? profile
            : throw new JsonException($"Profile '{profile.Id}' is invalid: {string.Join("; ", problems)}.");
    }

    private static ProfileCatalog LoadEmbedded()
    {
        var assembly = typeof(ProfileCatalog).Assembly;
        var profiles = new List<JurisdictionProfile>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            try
            {
                profiles.Add(Parse(reader.ReadToEnd()));
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"Embedded profile {name} is invalid: {e.Message}", e);
            }
        }

        return new ProfileCatalog(profiles);
    }
}
