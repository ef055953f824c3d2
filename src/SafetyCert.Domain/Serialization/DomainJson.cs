using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Serialization;

/// <summary>
/// How the domain's records read and write as JSON: camelCase, enums by name, NodaTime values in ISO
/// form, unknown members and missing required values rejected.
/// </summary>
public static class DomainJson
{
    /// <summary>The shared, read-only options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>A fresh, mutable copy of the options to extend (for example with polymorphism).</summary>
    public static JsonSerializerOptions CreateOptions() => new(Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectRequiredConstructorParameters = true,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new AnnualDateJsonConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
