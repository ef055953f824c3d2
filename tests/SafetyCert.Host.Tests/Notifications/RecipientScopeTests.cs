using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class RecipientScopeTests
{
    // RULES.md §1 [000 §1(4)], [001 art.5]: level 1 national, level 2 provincial, level 3 and small/micro municipal.
    [Theory]
    [InlineData("640104", "Level1", "regulator:000000:national")]
    [InlineData("640104", "Level2", "regulator:640000:provincial")]
    [InlineData("640104", "Level3", "regulator:640100:municipal")]
    [InlineData("510703", "SmallMicro", "regulator:510700:municipal")]
    [InlineData("110105", "Level3", "regulator:110000:municipal")] // Beijing: no prefecture tier below the city
    [InlineData("310115", "SmallMicro", "regulator:310000:municipal")]
    public void Regulator_level_follows_grade_when_not_named(string region, string grade, string expected)
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ObjectionRaised, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), Party.Regulator, ("regionCode", region), ("grade", grade));

        Assert.Equal(expected, RecipientScope.Of(notice));
    }

    [Fact]
    public void Named_regulator_level_wins_over_grade()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ObjectionRaised, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), Party.Regulator,
            ("regionCode", "350102"), ("grade", "Level3"), ("regulatorLevel", "Provincial"));

        Assert.Equal("regulator:350000:provincial", RecipientScope.Of(notice));
    }

    // RULES.md §1 [000 §1(3)], [001 art.5]: without a named organization, the one of the tier responsible for the grade.
    [Theory]
    [InlineData("640104", "Level1", "review-organization:000000:national")]
    [InlineData("640104", "Level2", "review-organization:640000:provincial")]
    [InlineData("640104", "Level3", "review-organization:640100:municipal")]
    [InlineData("510703", "SmallMicro", "review-organization:510700:municipal")]
    public void Review_organization_follows_region_and_grade_when_not_named(string region, string grade, string expected)
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ApplicationReceived, NoticeClass.Routine, new LocalDate(2026, 3, 10), Party.ReviewOrganization, ("regionCode", region), ("grade", grade));

        Assert.Equal(expected, RecipientScope.Of(notice));
    }

    [Fact]
    public void Named_review_organization_wins_over_region_and_grade()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ApplicationReceived, NoticeClass.Routine, new LocalDate(2026, 3, 10), Party.ReviewOrganization,
            ("reviewOrganizationId", "o-3"), ("regionCode", "640104"), ("grade", "Level2"));

        Assert.Equal("review-organization:o-3", RecipientScope.Of(notice));
    }

    [Fact]
    public void Named_level_picks_the_review_organization_tier_like_a_regulator()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ApplicationReceived, NoticeClass.Routine, new LocalDate(2026, 3, 10), Party.ReviewOrganization,
            ("regionCode", "350102"), ("grade", "Level3"), ("regulatorLevel", "Provincial"));

        Assert.Equal("review-organization:350000:provincial", RecipientScope.Of(notice));
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
    [InlineData(Party.ReviewOrganization, new string[0], "needs fact 'reviewOrganizationId', or 'regionCode' with 'grade'")]
    [InlineData(Party.ReviewOrganization, new[] { "regionCode", "640104" }, "needs fact 'regulatorLevel' or a valid 'grade'")]
    [InlineData(Party.ReviewOrganization, new[] { "regionCode", "6401", "grade", "Level3" }, "Region code '6401' is not a six-digit GB/T 2260 code")]
    [InlineData(Party.Regulator, new[] { "regionCode", "640104" }, "needs fact 'regulatorLevel' or a valid 'grade'")]
    [InlineData(Party.Regulator, new[] { "regionCode", "640104", "regulatorLevel", "County" }, "regulatorLevel 'County'")]
    [InlineData(Party.Regulator, new[] { "regionCode", "64", "grade", "Level2" }, "Region code '64' is not a six-digit GB/T 2260 code")]
    public void Missing_or_bad_facts_are_named(Party party, string[] facts, string complaint)
    {
        var pairs = facts.Chunk(2).Select(p => (p[0], p[1])).ToArray();
        var notice = NotificationHarness.Notice(NoticeKinds.ReviewUnitAssigned, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), party, pairs);

        var error = Assert.Throws<ArgumentException>(() => RecipientScope.Of(notice));

        Assert.Contains(complaint, error.Message, StringComparison.Ordinal);
    }

    // RULES.md §1, §7: a Beijing level-3 notice goes to the regulator that access control lets act on it (110000), not to a
    // 110100 tier no regulator holds.
    [Theory]
    [InlineData("110105", Grade.Level3)]
    [InlineData("110108", Grade.SmallMicro)]
    [InlineData("500101", Grade.Level3)]
    [InlineData("640104", Grade.Level3)]
    [InlineData("640104", Grade.Level2)]
    public void A_regulator_notice_goes_to_the_regulator_allowed_to_act(string region, Grade grade)
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ObjectionRaised, NoticeClass.Mandatory, new LocalDate(2026, 3, 10), Party.Regulator, ("regionCode", region), ("grade", grade.ToString()));
        var level = RecipientScope.LevelFor(grade);

        var scope = RecipientScope.Of(notice).Split(':');

        var regulator = Api.ApiHost.Regulator(scope[1], level);
        Assert.True(regulator.IsRegulatorFor(region, level), $"{scope[1]} {level} may not act on {region}.");
    }
}
