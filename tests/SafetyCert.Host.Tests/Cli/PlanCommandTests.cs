using System.Text.Json;
using System.Text.RegularExpressions;
using SafetyCert.Host.Cli;
using SafetyCert.Testing;

namespace SafetyCert.Host.Tests.Cli;

public partial class PlanCommandTests
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

    public static TheoryData<string> ReadmeExamples()
    {
        var data = new TheoryData<string>();
        foreach (Match match in PlanMarker().Matches(Readme))
        {
            data.Add(match.Groups["path"].Value);
        }

        return data;
    }

    [Fact]
    public void The_readme_has_at_least_three_worked_examples()
    {
        Assert.True(ReadmeExamples().Count >= 3, "README.md should show at least three `plan` examples.");
    }

    // README "Planning a lifecycle offline": the page shows exactly what the command prints.
    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public void Plan_reproduces_the_readme_example_exactly(string scenario)
    {
        var expected = PlanMarker().Matches(Readme).Single(m => m.Groups["path"].Value == scenario).Groups["output"].Value;

        var (exit, output, errors) = Run(Path.Combine(RepositoryRoot.Path, scenario), "--table");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, errors);
        Assert.Equal(expected.TrimEnd(), output.TrimEnd());
    }

    [Theory]
    [MemberData(nameof(ReadmeExamples))]
    public void The_readme_shows_each_scenario_file_as_it_is(string scenario)
    {
        var shown = ScenarioMarker().Matches(Readme).Single(m => m.Groups["path"].Value == scenario).Groups["json"].Value;

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, scenario)).TrimEnd(), shown.TrimEnd());
    }

    [Fact]
    public void Json_output_lists_states_deadlines_and_notices_with_their_sources()
    {
        var (exit, output, _) = Run(Path.Combine(RepositoryRoot.Path, "src/SafetyCert.Host/Scenarios/ningxia-level3-initial.json"));

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        // RULES.md §4.1, seed 000 §3(2)1: received Friday 2026-02-13, due 2026-03-05 across the Spring Festival.
        var materialReview = entries.Single(e => e.GetProperty("type").GetString() == "deadline" && e.GetProperty("name").GetString() == "material-review");
        Assert.Equal("2026-03-05", materialReview.GetProperty("due").GetString());
        Assert.Contains("000 §3(2)1", materialReview.GetProperty("rule").GetString(), StringComparison.Ordinal);
        // RULES.md §6: valid through 2029-06-14, so the renewal window opens on 2029-03-14.
        Assert.Contains(entries, e => e.GetProperty("type").GetString() == "notice"
            && e.GetProperty("kind").GetString() == "renewal-window-open"
            && e.GetProperty("date").GetString() == "2029-03-14"
            && e.GetProperty("recipient").GetString() == "Enterprise");
        Assert.False(json.RootElement.GetProperty("provisional").GetBoolean());
    }

    // RULES.md §6: a renewal application in the scenario stops the certificate's renewal reminders, as it does through the API.
    [Fact]
    public void A_renewal_application_in_the_scenario_stops_the_renewal_reminders()
    {
        var file = Scenario("""
            {
              "profile": "ningxia-2017",
              "defaults": { "enterpriseId": "E", "regionCode": "640104", "industry": "industry-trade", "grade": "Level3" },
              "until": "2026-04-30",
              "events": [
                { "on": "2023-05-01", "workflow": "certificate", "instance": "C", "type": "CertificateIssued", "data": { "number": "宁AQBⅢ2023000001", "issuedOn": "2023-05-01", "validThrough": "2026-04-30", "licenceRequired": false } },
                { "on": "2026-02-10", "workflow": "application", "instance": "R", "type": "ApplicationSubmitted", "data": { "kind": "Renewal", "previousCertificateId": "C" } }
              ]
            }
            """);

        var (exit, output, _) = Run(file);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var entries = json.RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("type").GetString() == "state" && e.GetProperty("instance").GetString() == "C" && e.GetProperty("to").GetString() == "RenewalFiled");
        var notices = entries.Where(e => e.GetProperty("type").GetString() == "notice").Select(e => e.GetProperty("kind").GetString()).ToList();
        // The window opened on 2026-01-30, before the filing; the reminders from 60 days before (2026-03-01) on are not sent.
        Assert.Contains("renewal-window-open", notices);
        Assert.DoesNotContain("renewal-reminder", notices);
    }

    // RULES.md §9 [004 §8], [003 §4(2)]: a planned spot-check draw samples the scenario's certificates of the year with
    // the recorded seed, exactly as the API's draw (SpotCheckDraw) does: Ningxia level 3 at 20 %, 3 of 11 certificates.
    [Fact]
    public void A_spot_check_draw_in_the_scenario_samples_that_years_certificates_with_the_seed()
    {
        var issued = Enumerable.Range(1, 11).Select(i =>
            $$"""{ "on": "2026-04-{{i + 10:00}}", "workflow": "certificate", "instance": "C{{i:00}}", "type": "CertificateIssued", "data": { "number": "宁AQBⅢ2026{{i:000000}}", "validThrough": "2029-04-{{i + 9:00}}", "licenceRequired": false } },""");
        var file = Scenario($$"""
            {
              "profile": "ningxia-2017",
              "defaults": { "enterpriseId": "E", "regionCode": "640104", "industry": "industry-trade", "grade": "Level3" },
              "until": "2027-01-31",
              "events": [
                {{string.Join("\n    ", issued)}}
                { "on": "2027-01-15", "draw": "spot-check", "data": { "year": 2026, "seed": "20270115" } }
              ]
            }
            """);

        var (exit, output, errors) = Run(file);

        Assert.True(exit == 0, errors);
        using var json = JsonDocument.Parse(output);
        var draw = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("type").GetString() == "draw");
        var expected = Domain.Sampling.SpotCheckDraw.Draw(
            2026,
            Enumerable.Range(1, 11).Select(i => new Domain.Sampling.NewCertificate($"C{i:00}", Domain.Grading.Grade.Level3, new NodaTime.LocalDate(2026, 4, i + 10))),
            Domain.Profiles.ProfileCatalog.Embedded.Get("ningxia-2017").SpotCheckPercent,
            20270115).For(Domain.Grading.Grade.Level3);
        Assert.Equal(3, expected.SampleSize);
        Assert.Equal(("2027-01-15", "spot-check", "2026", "Level3"), (draw.GetProperty("date").GetString(), draw.GetProperty("workflow").GetString(), draw.GetProperty("instance").GetString(), draw.GetProperty("name").GetString()));
        Assert.Contains($"Level3 3 of 11 (20 %, seed 20270115): {string.Join(", ", expected.ChosenCertificateIds)}", draw.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"draw\": \"spot-check\"", "\"draw\": \"audit\"", "$.events[1].draw: unknown draw; known: spot-check")]
    [InlineData("\"seed\": \"20270115\"", "\"seed\": 20270115", "$.events[1].data.seed: 'seed' is the recorded seed")]
    [InlineData("\"year\": 2026", "\"year\": 2027", "$.events[1].data.year: 'year' is the year whose new certificates are drawn")]
    public void A_bad_spot_check_draw_is_refused_with_its_field(string find, string replace, string expected)
    {
        var text = """
            {
              "profile": "ningxia-2017",
              "defaults": { "enterpriseId": "E", "regionCode": "640104", "industry": "industry-trade", "grade": "Level3" },
              "events": [
                { "on": "2026-04-11", "workflow": "certificate", "instance": "C", "type": "CertificateIssued", "data": { "number": "宁AQBⅢ2026000001", "validThrough": "2029-04-10", "licenceRequired": false } },
                { "on": "2027-01-15", "draw": "spot-check", "data": { "year": 2026, "seed": "20270115" } }
              ]
            }
            """;
        Assert.Contains(find, text, StringComparison.Ordinal);

        var (exit, _, errors) = Run(Scenario(text.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal(1, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lifecycle_into_an_unpublished_year_is_flagged_provisional()
    {
        // RULES.md §4 convention "working days": 2027's arrangement is not loaded, so its dates are provisional.
        var file = Scenario("""
            {
              "profile": "ningxia-2017",
              "defaults": { "enterpriseId": "E", "regionCode": "640104", "industry": "industry-trade", "grade": "Level3" },
              "until": "2027-03-01",
              "events": [
                { "on": "2026-12-28", "workflow": "application", "instance": "A", "type": "ApplicationSubmitted", "data": { "kind": "Initial" } }
              ]
            }
            """);

        var (exit, output, _) = Run(file);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("provisional").GetBoolean());
    }

    [Theory]
    [InlineData("\"MaterialReviewAccepted\"", "\"MaterialAccepted\"", "line 9, $.events[1].type: unknown event type 'MaterialAccepted'")]
    [InlineData("\"on\": \"2026-03-06\"", "\"on\": \"2026-03-32\"", "line 10, $.events[2].on: '2026-03-32' is not a date written yyyy-MM-dd")]
    [InlineData("\"drawSeed\": \"20260306\"", "\"drawSeed\": 5", "line 10, $.events[2].data.drawSeed: ReviewUnitAssigned:")]
    [InlineData("\"unitId\": \"NX-U-07\", ", "", "line 10, $.events[2].data: ReviewUnitAssigned: JSON deserialization for type 'ReviewUnitAssigned' was missing required properties including: 'unitId'")]
    [InlineData("\"forwarded\": true }", "\"forwarded\": true }x", "line 12: the file is not valid JSON")]
    [InlineData("\"workflow\": \"application\", \"instance\": \"NX-A-2026-001\", \"type\": \"Announced\"", "\"workflow\": \"licence\", \"instance\": \"NX-A-2026-001\", \"type\": \"Announced\"", "line 14, $.events[6].workflow: unknown workflow 'licence'")]
    [InlineData("\"region\": \"640104\"", "\"region\": \"64010\"", "$.region: Region code '64010' is not a six-digit GB/T 2260 code")]
    [InlineData("\"until\": \"2029-03-14\"", "\"until\": \"2029-03-14\", \"owner\": 1", "line 6, $.owner: unknown field 'owner'")]
    [InlineData("{ \"on\": \"2026-06-01\"", "{ \"on\": \"2026-05-01\"", "line 13, $.events[5].on: events must be in time order")]
    public void A_bad_scenario_is_refused_with_its_line_and_field(string find, string replace, string expected)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src/SafetyCert.Host/Scenarios/ningxia-level3-initial.json"));
        Assert.Contains(find, text, StringComparison.Ordinal);
        var file = Scenario(text.Replace(find, replace, StringComparison.Ordinal));

        var (exit, output, errors) = Run(file);

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_and_bad_arguments_are_reported()
    {
        Assert.Equal(1, Run(Path.Combine(Path.GetTempPath(), "no-such-scenario.json")).Exit);
        Assert.Equal(2, Run("a.json", "--format", "xml").Exit);
    }

    private static string Scenario(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scenario-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exit = PlanCommand.Run(args, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [GeneratedRegex(@"<!-- plan: (?<path>\S+) -->\s*```sh\n[^`]*```\s*```text\n(?<output>.*?)```", RegexOptions.Singleline)]
    private static partial Regex PlanMarker();

    [GeneratedRegex(@"<!-- scenario: (?<path>\S+) -->\s*```json\n(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ScenarioMarker();
}
