using System.Collections.Immutable;
using NodaTime.Text;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Tests.Workflows;

namespace SafetyCert.Domain.Tests.Revocation;

public class RevocationRulesTests
{
    // RULES.md §7(3): national non-coal mines [000 §3(4)] level 1/2/3 at 1/2/3 deaths; Ningxia [001 art.21(3)] any death.
    [Theory]
    [InlineData(TestProfiles.NationalId, Grade.Level1, 0, false)]
    [InlineData(TestProfiles.NationalId, Grade.Level1, 1, true)]
    [InlineData(TestProfiles.NationalId, Grade.Level2, 1, false)]
    [InlineData(TestProfiles.NationalId, Grade.Level2, 2, true)]
    [InlineData(TestProfiles.NationalId, Grade.Level3, 2, false)]
    [InlineData(TestProfiles.NationalId, Grade.Level3, 3, true)]
    [InlineData(TestProfiles.NationalId, Grade.Level3, 4, true)]
    [InlineData(TestProfiles.NingxiaId, Grade.Level1, 0, false)]
    [InlineData(TestProfiles.NingxiaId, Grade.Level1, 1, true)]
    [InlineData(TestProfiles.NingxiaId, Grade.Level2, 1, true)]
    [InlineData(TestProfiles.NingxiaId, Grade.Level3, 1, true)]
    [InlineData(TestProfiles.NingxiaId, Grade.SmallMicro, 1, true)]
    public void Fatal_accident_threshold_per_profile_and_level(string profileId, Grade grade, int deaths, bool revoked)
    {
        var profile = TestProfiles.Catalog.Get(profileId);

        Assert.Equal(revoked, RevocationRules.AccidentRequiresRevocation(profile, grade, deaths, concealedOrLate: false));
        Assert.Equal(revoked, RevocationRules.AccidentGrounds(profile, grade, deaths, false).Contains(RevocationGround.FatalAccident));
    }

    // RULES.md §7(2) [000 §3(4)], [001 art.21(2)]: concealment or a late report is its own ground, even without deaths.
    [Fact]
    public void Concealed_accident_without_deaths_is_ground_2_only()
    {
        var grounds = RevocationRules.AccidentGrounds(TestProfiles.National, Grade.Level3, 0, concealedOrLate: true);

        Assert.Equal([RevocationGround.AccidentConcealedOrLate], grounds);
        Assert.True(RevocationRules.AccidentRequiresRevocation(TestProfiles.National, Grade.Level3, 0, true));
    }

    // RULES.md §7: each ground names its source.
    [Theory]
    [InlineData(RevocationGround.FraudInReview, "001 art.21(1)")]
    [InlineData(RevocationGround.AccidentConcealedOrLate, "001 art.21(2)")]
    [InlineData(RevocationGround.FatalAccident, "000 §3(4)")]
    [InlineData(RevocationGround.SafetyFundsShort, "001 art.21(4)")]
    [InlineData(RevocationGround.SystemNotRun, "001 art.21(5)")]
    [InlineData(RevocationGround.UncontrolledHazard, "004 §9")]
    [InlineData(RevocationGround.QualityAuditFailed, "002 §3(3)")]
    public void Every_ground_names_its_source(RevocationGround ground, string source)
    {
        Assert.Contains(source, RevocationRules.SourceOf(ground), StringComparison.Ordinal);
        Assert.Contains($"§7({(int)ground})", RevocationRules.SourceOf(ground), StringComparison.Ordinal);
    }

    // RULES.md §7: under a profile, a ground cites the profile's own regulation where it has the ground, else every source by convention.
    [Theory]
    [InlineData("ningxia-2017", RevocationGround.FatalAccident, "RULES.md §7(3) [001 art.21(3)]")]
    [InlineData("national-non-coal-mine-2017", RevocationGround.FatalAccident, "RULES.md §7(3) [000 §3(4)]")]
    [InlineData("national-non-coal-mine-2017", RevocationGround.SafetyFundsShort, "RULES.md §7(4) [convention: 001 art.21(4)]")]
    [InlineData("beijing-2015", RevocationGround.UncontrolledHazard, "RULES.md §7(6) [004 §9]")]
    [InlineData("mianyang-2020", RevocationGround.FraudInReview, "RULES.md §7(1) [convention: 000 §3(4), 001 art.21(1)]")]
    public void A_ground_cites_the_regulation_of_the_profile_it_is_decided_under(string profileId, RevocationGround ground, string rule)
    {
        var profile = SafetyCert.Domain.Profiles.ProfileCatalog.Embedded.Profiles.First(p => p.Id == profileId);

        Assert.Equal(rule, RevocationRules.SourceOf(ground, profile));
    }

    // RULES.md §7 convention: automatic only for ground 3; ground 7, a failed quality audit after rectification [002 §3(3)],
    // needs a regulator's decision like the others (a missed remediation is a §4.4 cancellation, no revocation).
    [Theory]
    [InlineData(true, RevocationGround.FatalAccident, null, 0, true)]
    [InlineData(true, RevocationGround.QualityAuditFailed, null, 0, false)]
    [InlineData(false, RevocationGround.QualityAuditFailed, "grade still not met after rectification", 1, true)]
    [InlineData(true, RevocationGround.FraudInReview, "fraud", 1, false)]
    [InlineData(true, RevocationGround.AccidentConcealedOrLate, null, 0, false)]
    [InlineData(false, RevocationGround.FraudInReview, "false materials in the review", 1, true)]
    [InlineData(false, RevocationGround.FraudInReview, "  ", 1, false)]
    [InlineData(false, RevocationGround.FraudInReview, null, 1, false)]
    [InlineData(false, RevocationGround.UncontrolledHazard, "major hazard uncontrolled", 0, false)]
    public void Revocation_decision_needs_reason_and_evidence_unless_automatic(bool automatic, RevocationGround ground, string? reason, int evidence, bool valid)
    {
        var documents = Enumerable.Range(1, evidence).Select(i => $"doc-{i}").ToImmutableArray();

        var problem = RevocationRules.ProblemWith(automatic, [ground], reason, documents);

        Assert.Equal(valid, problem is null);
    }

    // RULES.md §7: a revocation names at least one ground, each once.
    [Fact]
    public void Revocation_without_grounds_or_with_repeats_is_refused()
    {
        var none = RevocationRules.ProblemWith(false, [], "r", ["d"]);
        var repeated = RevocationRules.ProblemWith(false, [RevocationGround.SystemNotRun, RevocationGround.SystemNotRun], "r", ["d"]);
        Assert.Contains("at least one ground", none?.English, StringComparison.Ordinal);
        Assert.Contains("至少列明一项", none?.Chinese, StringComparison.Ordinal);
        Assert.Contains("once", repeated?.English, StringComparison.Ordinal);
        Assert.Contains("只能列明一次", repeated?.Chinese, StringComparison.Ordinal);
    }

    // RULES.md §7 ban [001 art.21 「自撤销之日起满1年后」]: the start day is not counted, so the first free day is one
    // year and one day after the revocation; 2024-02-29 plus a year clamps to 2025-02-28, so the first free day is 2025-03-01.
    [Theory]
    [InlineData("2026-05-20", "2027-05-21")]
    [InlineData("2026-08-20", "2027-08-21")]
    [InlineData("2024-02-29", "2025-03-01")]
    [InlineData("2026-12-31", "2028-01-01")]
    public void Ban_ends_the_day_after_one_full_year_from_revocation(string revokedOn, string endsOn)
    {
        var end = RevocationRules.BanEndsOn(TestProfiles.National, LocalDatePattern.Iso.Parse(revokedOn).Value);

        Assert.Equal(LocalDatePattern.Iso.Parse(endsOn).Value, end);
    }
}
