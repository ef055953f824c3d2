using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

public class ReverificationTests
{
    // RULES.md §4.6, seed 004 §2: every Beijing level-2 applicant is re-verified on site before the notice.
    [Fact]
    public void Beijing_level_2_is_re_verified_before_public_notice()
    {
        var app = new ApplicationDriver().Forwarded(Date("2026-05-11"), Grade.Level2, ApplicationDriver.Beijing);

        Assert.Equal(ApplicationStatus.Reverification, app.State.Stage);
        var due = Assert.Single(app.Last.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.ReverificationDue, Party.ReviewOrganization, "RULES.md §4.6 [004 §2]"), (due.Kind, due.Recipient, due.Rule));
        var early = app.Decide(new PublicNoticePublished(Date("2026-05-12")));
        Assert.Equal(Outcome.Rejected, early.Outcome);
        Assert.Contains("Expected ReverificationCompleted", early.Reason, StringComparison.Ordinal);

        app.Apply(new ReverificationCompleted(Date("2026-05-20")));

        Assert.Equal(ApplicationStatus.AwaitingPublicNotice, app.State.Stage);
        Assert.Equal(Date("2026-05-20"), app.State.ReverifiedOn);
        app.Apply(new PublicNoticePublished(Date("2026-05-21")));
    }

    // RULES.md §4.6, seed 004 §2: level 2 only, and only where the profile requires it.
    [Theory]
    [InlineData(ApplicationDriver.Beijing, Grade.Level3)]
    [InlineData(ApplicationDriver.Beijing, Grade.Level1)]
    [InlineData(ApplicationDriver.National, Grade.Level2)]
    public void Re_verification_is_refused_where_it_does_not_apply(string profileId, Grade grade)
    {
        var app = new ApplicationDriver().Forwarded(Date("2026-05-11"), grade, profileId);

        Assert.Equal(ApplicationStatus.AwaitingPublicNotice, app.State.Stage);
        var decision = app.Decide(new ReverificationCompleted(Date("2026-05-20")));
        Assert.Equal(Outcome.Rejected, decision.Outcome);
        Assert.Contains("004 §2", decision.Reason, StringComparison.Ordinal);
        Assert.Contains(grade.ToString(), decision.Reason, StringComparison.Ordinal);
    }

    // RULES.md §4.6, §4.9: a re-verification that finds the applicant short is a failed review by the organization.
    [Fact]
    public void Re_verification_that_finds_the_applicant_short_fails_it()
    {
        var app = new ApplicationDriver().Forwarded(Date("2026-05-11"), Grade.Level2, ApplicationDriver.Beijing);

        app.Apply(new ReviewFailed(Date("2026-05-20"), Party.ReviewOrganization, "hazard controls not as reported"));

        Assert.Equal(ApplicationStatus.Failed, app.State.Stage);
    }
}
