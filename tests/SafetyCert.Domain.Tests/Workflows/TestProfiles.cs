using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Tests.Workflows;

/// <summary>The profiles the lifecycle tests use: the shipped national one and a Ningxia variant of it.</summary>
internal static class TestProfiles
{
    public const string NationalId = "national-non-coal-mine-2017";

    public const string NingxiaId = "ningxia-2017-test";

    // Read straight from the shipped resource so these tests do not depend on the catalog's static loading.
    public static JurisdictionProfile National { get; } = LoadShipped("SafetyCert.Domain.Profiles.national-non-coal-mine-2017.json");

    // Seed 001 art.21(3): any fatal accident is a revocation ground in Ningxia, whatever the grade.
    public static JurisdictionProfile Ningxia { get; } = National with
    {
        Id = NingxiaId,
        Seed = "001",
        Regions = ["640000"],
        Industries = ["*"],
        FatalAccidentDeaths = new(
            ImmutableSortedDictionary.CreateRange(
                new Dictionary<Grade, int> { [Grade.Level1] = 1, [Grade.Level2] = 1, [Grade.Level3] = 1, [Grade.SmallMicro] = 1 }),
            "001 art.21(3)"),
    };

    public static ProfileCatalog Catalog { get; } = new([National, Ningxia]);

    private static JurisdictionProfile LoadShipped(string resource)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new AnnualDateJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        using var stream = typeof(JurisdictionProfile).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No embedded resource {resource}.");
        return JsonSerializer.Deserialize<JurisdictionProfile>(stream, options)
            ?? throw new InvalidOperationException($"{resource} holds null.");
    }
}
