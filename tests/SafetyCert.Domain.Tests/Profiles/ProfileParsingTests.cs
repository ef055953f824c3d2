using System.Text.Json;
using System.Text.Json.Nodes;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Tests.Profiles;

public class ProfileParsingTests
{
    private static JsonObject Valid()
    {
        using var stream = typeof(ProfileCatalog).Assembly.GetManifestResourceStream("SafetyCert.Domain.Profiles.ningxia-2017.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    private static string ErrorOf(JsonObject profile) =>
        Assert.Throws<JsonException>(() => ProfileCatalog.Parse(profile.ToJsonString())).Message;

    [Fact]
    public void A_valid_profile_round_trips()
    {
        Assert.Equal("ningxia-2017", ProfileCatalog.Parse(Valid().ToJsonString()).Id);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => ProfileCatalog.Parse("{ \"id\": "));
    }

    [Fact]
    public void A_missing_setting_is_named()
    {
        var profile = Valid();
        profile.Remove("revocationBanYears");

        Assert.Contains("revocationBanYears", ErrorOf(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_without_its_source_is_rejected()
    {
        var profile = Valid();
        profile["revocationBanYears"] = new JsonObject { ["value"] = 1 };

        Assert.Contains("source", ErrorOf(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_setting_is_named()
    {
        var profile = Valid();
        profile["revocationBanMonths"] = new JsonObject { ["value"] = 12, ["source"] = "convention: x" };

        Assert.Contains("revocationBanMonths", ErrorOf(profile), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regions", "[\"6401\"]", "region '6401' is not a six-digit")]
    [InlineData("industries", "[\"mining\"]", "industry 'mining' is not in the vocabulary")]
    [InlineData("fatalAccidentDeaths", "{ \"value\": { \"Level1\": 1, \"Level2\": 1, \"Level3\": 1 }, \"source\": \"001 art.21(3)\" }", "fatalAccidentDeaths has no value for SmallMicro")]
    [InlineData("spotCheckPercent", "{ \"value\": { \"Level1\": 0, \"Level2\": 130, \"Level3\": 20, \"SmallMicro\": 10 }, \"source\": \"004 §8\" }", "spotCheckPercent of Level2 is 130")]
    [InlineData("certificateValidityYears", "{ \"value\": 0, \"source\": \"001 art.16\" }", "certificateValidityYears is 0, below 1")]
    [InlineData("revocationBanYears", "{ \"value\": 1, \"source\": \"the law\" }", "revocationBanYears.source 'the law' must name a seed article")]
    [InlineData("effectiveUntil", "\"2016-01-01\"", "effectiveUntil 2016-01-01 is before effectiveFrom 2017-10-01")]
    public void A_value_out_of_range_is_named(string field, string json, string expected)
    {
        var profile = Valid();
        profile[field] = JsonNode.Parse(json);

        var message = ErrorOf(profile);

        Assert.Contains("ningxia-2017", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var profile = Valid();
        profile["regions"] = JsonNode.Parse("[\"1\"]");
        profile["industries"] = JsonNode.Parse("[\"mining\"]");

        var message = ErrorOf(profile);

        Assert.Contains("region '1'", message, StringComparison.Ordinal);
        Assert.Contains("industry 'mining'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_grade_name_is_rejected()
    {
        var profile = Valid();
        profile["accidentReportYears"] = JsonNode.Parse("{ \"value\": { \"Level9\": 5 }, \"source\": \"001 annex 2\" }");

        Assert.Contains("accidentReportYears", ErrorOf(profile), StringComparison.Ordinal);
    }
}
