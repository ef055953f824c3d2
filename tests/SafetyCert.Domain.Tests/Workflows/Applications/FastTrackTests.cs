using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

/// <summary>Renewal without an on-site review (RULES.md §6 [001 art.17]), and what an application ends when it ends without a certificate.</summary>
public class FastTrackTests
{
    private static readonly LocalDate Filed = new(2029, 1, 8);
    private static readonly ApplicationWorkflow Workflow = new(WorkingDayCalendar.China, ProfileCatalog.Embedded);

    private static ApplicationSubmitted Renewal(string profileId = "ningxia-2017", bool eligible = true, IReadOnlyList<ConditionResult>? failures = null) =>
        new("app-r", "ent-1", profileId == "ningxia-2017" ? "640104" : "110105", "chemicals", Grade.Level3, ApplicationKind.Renewal, profileId, Filed,
            LicenceRequired: true, PreviousCertificateId: "cert-old", FastTrackEligible: eligible, FastTrackFailures: failures);

    private static Decision Decide(ApplicationState state, WorkflowEvent @event, LocalDate on) => Workflow.Decide(state, @event, ShanghaiTime.At(on, new LocalTime(10, 0)));

    // RULES.md §6, seed 001 art.17: confirmed by the organization, the renewal skips review unit, review and notice; the
    // new certificate supersedes the old one.
    [Fact]
    public void A_confirmed_fast_track_renewal_issues_a_certificate_that_supersedes_the_old_one_without_a_review()
    {
        var submitted = Decide(Workflow.Initial, Renewal(), Filed).StateAs<ApplicationState>();
        Assert.True(submitted.FastTrackEligible);

        var confirmed = Decide(submitted, new FastTrackConfirmed(new LocalDate(2029, 1, 12)), new LocalDate(2029, 1, 12));
        Assert.Equal(Outcome.Applied, confirmed.Outcome);
        var announced = confirmed.StateAs<ApplicationState>();
        Assert.Equal((ApplicationStatus.Announced, new LocalDate(2029, 1, 12)), (announced.Stage, announced.AnnouncedOn));
        Assert.Empty(announced.Timers.Active);
        Assert.Null(announced.ReviewUnitId);

        var issued = Decide(announced, new CertificateIssuedToEnterprise("cert-new", "宁AQBⅢ2029000001", new LocalDate(2029, 1, 15)), new LocalDate(2029, 1, 15));
        var start = Assert.Single(issued.Effects.OfType<StartWorkflow>());
        Assert.Equal("cert-old", Assert.IsType<CertificateIssued>(start.Start).Supersedes);
    }

    // RULES.md §6 [001 art.17]: a renewal that failed a condition records it; the organization cannot confirm it.
    [Fact]
    public void A_renewal_that_failed_a_condition_cannot_be_confirmed_and_names_the_condition()
    {
        var failure = new ConditionResult(ConditionCodes.FastTrackSelfAssessments, false, "以下年度未提交自评报告", "No report for 2027", "001 art.17(2)");
        var submitted = Decide(Workflow.Initial, Renewal(eligible: false, failures: [failure]), Filed).StateAs<ApplicationState>();

        var refused = Decide(submitted, new FastTrackConfirmed(Filed), Filed);

        Assert.Equal(Outcome.Rejected, refused.Outcome);
        Assert.Contains(ConditionCodes.FastTrackSelfAssessments, refused.Reason, StringComparison.Ordinal);
        Assert.Equal([failure], submitted.FastTrackFailures);
        Assert.Equal(Outcome.Applied, Decide(submitted, new MaterialReviewAccepted(Filed), Filed).Outcome);
    }

    // RULES.md §6: Beijing's profile provides no fast track, so a submission claiming it is refused.
    [Fact]
    public void A_fast_track_under_a_profile_without_it_is_refused()
    {
        Assert.Equal(Outcome.Rejected, Decide(Workflow.Initial, Renewal("beijing-2015"), Filed).Outcome);
    }

    // RULES.md §6, §4.4: a renewal withdrawn ends the renewal it filed; a failed application closes its review's remediation orders.
    [Fact]
    public void An_application_ending_without_a_certificate_ends_its_renewal_and_closes_its_remediation_orders()
    {
        var submitted = Decide(Workflow.Initial, Renewal(eligible: false), Filed).StateAs<ApplicationState>();
        var withdrawn = Decide(submitted, new Withdrawn(Filed.PlusDays(1)), Filed.PlusDays(1));
        var renewalEnd = Assert.Single(withdrawn.Effects.OfType<SignalWorkflow>());
        Assert.Equal((WorkflowKinds.Certificate, "cert-old"), (renewalEnd.Kind, renewalEnd.InstanceId));
        Assert.Equal(new RenewalWithdrawn("app-r", Filed.PlusDays(1)), renewalEnd.Event);

        var reviewed = submitted with { Stage = ApplicationStatus.ReportAudit, RemediationOrders = 2, Kind = ApplicationKind.Initial, PreviousCertificateId = null };
        var failed = Decide(reviewed, new ReviewFailed(Filed.PlusDays(2), Party.ReviewOrganization, "grade not met"), Filed.PlusDays(2));
        Assert.Equal(
            [("app-r-remediation-1", new ApplicationClosed("app-r", Filed.PlusDays(2))), ("app-r-remediation-2", new ApplicationClosed("app-r", Filed.PlusDays(2)))],
            failed.Effects.OfType<SignalWorkflow>().Where(s => s.Kind == WorkflowKinds.Remediation).Select(s => (s.InstanceId, s.Event)));
    }
}
