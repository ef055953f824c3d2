using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class RecipientScopeTests
{
    // RULES.md §1 [000 §1(4)], [001 art.5]: the workflow names the tier; the region code picks that tier's body.
    [Theory]
    [InlineData("640104", "National", "regulator:000000:national")]
    [InlineData("640104", "Provincial", "regulator:640000:provincial")]
    [InlineData("640104", "Municipal", "regulator:640100:municipal")]
    [InlineData("510703", "Municipal", "regulator:510700:municipal")]
    [InlineData("110105", "Municipal", "regulator:110000:municipal")] // Beijing: no prefecture tier below the city
    [InlineData("310115", "Municipal", "regulator:310000:municipal")]
    public void Regulator_is_the_body_of_the_named_tier_over_the_region(string region, string level, string expected)
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ObjectionRaised, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), Party.Regulator, ("regionCode", region), ("grade", "Level3"), ("regulatorLevel", level));

        Assert.Equal(expected, RecipientScope.Of(notice));
    }

    // One rule, one home: the grade alone does not pick the tier (offshore oil and gas is national at every grade).
    [Fact]
    public void A_notice_with_a_grade_but_no_named_tier_names_no_regulator()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ObjectionRaised, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), Party.Regulator, ("regionCode", "640104"), ("grade", "Level3"));

        Assert.Contains("needs fact 'regulatorLevel'", Assert.Throws<ArgumentException>(() => RecipientScope.Of(notice)).Message, StringComparison.Ordinal);
    }

    // RULES.md §1 [000 §1(3)], [001 art.5]: without a named organization, the one of the tier responsible for the grade.
    [Theory]
    [InlineData("640104", "National", "review-organization:000000:national")]
    [InlineData("640104", "Provincial", "review-organization:640000:provincial")]
    [InlineData("640104", "Municipal", "review-organization:640100:municipal")]
    [InlineData("510703", "Municipal", "review-organization:510700:municipal")]
    public void Review_organization_follows_region_and_tier_when_not_named(string region, string level, string expected)
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ApplicationReceived, NoticeClass.Routine, new LocalDate(2026, 3, 10), Party.ReviewOrganization, ("regionCode", region), ("grade", "Level3"), ("regulatorLevel", level));

        Assert.Equal(expected, RecipientScope.Of(notice));
    }

    [Fact]
    public void Named_review_organization_wins_over_region_and_grade()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ApplicationReceived, NoticeClass.Routine, new LocalDate(2026, 3, 10), Party.ReviewOrganization,
            ("reviewOrganizationId", "o-3"), ("regionCode", "640104"), ("grade", "Level2"));

        Assert.Equal("review-organization:o-3", RecipientScope.Of(notice));
    }

    [Theory]
    [InlineData(Party.Enterprise, "enterpriseId", "e-9", "enterprise:e-9")]
    [InlineData(Party.ReviewOrganization, "reviewOrganizationId", "o-3", "review-organization:o-3")]
    [InlineData(Party.ReviewUnit, "reviewUnitId", "u-7", "review-unit:u-7")]
    public void Other_parties_are_named_by_their_id_fact(Party party, string fact, string id, string expected)
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ReviewUnitAssigned, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), party, (fact, id));

        Assert.Equal(expected, RecipientScope.Of(notice));
    }

    [Theory]
    [InlineData(Party.ReviewUnit, new string[0], "needs fact 'reviewUnitId'")]
    [InlineData(Party.ReviewOrganization, new string[0], "needs fact 'reviewOrganizationId', or 'regionCode' with 'regulatorLevel'")]
    [InlineData(Party.ReviewOrganization, new[] { "regionCode", "640104" }, "needs fact 'regulatorLevel'")]
    [InlineData(Party.ReviewOrganization, new[] { "regionCode", "6401", "regulatorLevel", "Municipal" }, "Region code '6401' is not a six-digit GB/T 2260 code")]
    [InlineData(Party.Regulator, new[] { "regionCode", "640104" }, "needs fact 'regulatorLevel'")]
    [InlineData(Party.Regulator, new[] { "regionCode", "640104", "regulatorLevel", "County" }, "regulatorLevel 'County'")]
    [InlineData(Party.Regulator, new[] { "regionCode", "64", "regulatorLevel", "Provincial" }, "Region code '64' is not a six-digit GB/T 2260 code")]
    public void Missing_or_bad_facts_are_named(Party party, string[] facts, string complaint)
    {
        var pairs = facts.Chunk(2).Select(p => (p[0], p[1])).ToArray();
        var notice = NotificationHarness.Notice(NoticeKinds.ReviewUnitAssigned, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), party, pairs);

        var error = Assert.Throws<ArgumentException>(() => RecipientScope.Of(notice));

        Assert.Contains(complaint, error.Message, StringComparison.Ordinal);
    }

    // RULES.md §1, §7: a Beijing level-3 notice goes to the regulator that access control lets act on it (110000), not to a
    // 110100 tier no regulator holds; the tier is the one the domain's Jurisdiction names for the profile, grade and
    // industry (offshore oil and gas: national at every grade, 000 §1(4)).
    [Theory]
    [InlineData("110105", "beijing-2015", Grade.Level3, "hazardous-chemicals", "regulator:110000:municipal")]
    [InlineData("110108", "beijing-2015", Grade.SmallMicro, "hazardous-chemicals", "regulator:110000:municipal")]
    [InlineData("500101", "national-non-coal-mine-2017", Grade.Level3, "non-coal-mine", "regulator:500000:municipal")]
    [InlineData("640104", "ningxia-2017", Grade.Level3, "hazardous-chemicals", "regulator:640100:municipal")]
    [InlineData("640104", "ningxia-2017", Grade.Level2, "hazardous-chemicals", "regulator:640000:provincial")]
    [InlineData("350102", "fujian-2017", Grade.Level3, "offshore-oil-gas", "regulator:000000:national")]
    public void A_regulator_notice_goes_to_the_regulator_allowed_to_act(string region, string profile, Grade grade, string industry, string expected)
    {
        var level = Jurisdiction.TierOf(SafetyCert.Domain.Profiles.ProfileCatalog.Embedded, profile, grade, industry)!.Value;
        var notice = NotificationHarness.Notice(NoticeKinds.ObjectionRaised, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), Party.Regulator,
            ("regionCode", region), ("grade", grade.ToString()), ("regulatorLevel", level.ToString()));

        var scope = RecipientScope.Of(notice);

        Assert.Equal(expected, scope);
        var regulator = Api.ApiHost.Regulator(scope.Split(':')[1], level);
        Assert.True(regulator.IsRegulatorFor(region, level), $"{scope} may not act on {region}.");
    }
}
