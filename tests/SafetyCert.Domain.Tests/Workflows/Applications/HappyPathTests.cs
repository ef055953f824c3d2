using NodaTime;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

public class HappyPathTests
{
    // RULES.md §6: a renewal application tells the certificate it replaces, which stops its renewal reminders.
    [Fact]
    public void Renewal_submission_files_the_renewal_with_the_certificate()
    {
        var app = new ApplicationDriver();

        var submitted = app.Apply(ApplicationDriver.Submission(Date("2026-02-13"), Grade.Level2, kind: ApplicationKind.Renewal, previousCertificateId: "cert-2023-17"));

        var signal = Assert.Single(submitted.Effects.OfType<SignalWorkflow>());
        Assert.Equal((WorkflowKinds.Certificate, "cert-2023-17"), (signal.Kind, signal.InstanceId));
        var filed = Assert.IsType<RenewalFiled>(signal.Event);
        Assert.Equal(Date("2026-02-13"), filed.On);
    }

    // RULES.md §4.1–§4.8 and §5: a renewal from receipt to the certificate workflow's start.
    [Fact]
    public void Renewal_runs_from_submission_to_the_certificate_workflow()
    {
        var app = new ApplicationDriver();

        app.Apply(ApplicationDriver.Submission(Date("2026-02-13"), Grade.Level2, kind: ApplicationKind.Renewal, previousCertificateId: "cert-2023-17"));
        app.Apply(new MaterialReviewAccepted(Date("2026-03-02")));
        app.Apply(new ReviewUnitAssigned("unit-7", "seed-20260302", Date("2026-03-03")));
        app.Apply(new RemediationStarted(Date("2026-03-20")));
        app.Apply(new RemediationEnded(Date("2026-03-30")));
        app.Apply(new ReviewReportSubmitted(Date("2026-04-24"), Passed: true, "meets level 2"));
        app.Apply(new ReportAudited(Date("2026-04-28"), Forwarded: true));
        Assert.Equal(ApplicationStatus.AwaitingPublicNotice, app.State.Stage); // national profile: no re-verification
        app.Apply(new PublicNoticePublished(Date("2026-05-06")));
        Assert.Equal(Date("2026-05-12"), app.State.NoticeClosesOn); // May 7, 8, 9 (a worked Saturday), 11, 12
        app.Apply(new Announced(Date("2026-05-14")));
        var issued = app.Apply(new CertificateIssuedToEnterprise("cert-2026-88", "宁AQBⅡ2026000088", Date("2026-05-20")));

        var start = Assert.Single(issued.Effects.OfType<StartWorkflow>());
        Assert.Equal((WorkflowKinds.Certificate, "cert-2026-88"), (start.Kind, start.InstanceId));
        Assert.Equal(
            new CertificateIssued(
                "cert-2026-88", "宁AQBⅡ2026000088", "ent-1", "640104", Grade.Level2, ApplicationDriver.National,
                Date("2026-05-20"), Date("2029-05-19"), LicenceRequired: true, Supersedes: "cert-2023-17", ApplicationId: "app-1", ReviewUnitId: app.State.ReviewUnitId, Industry: "non-coal-mine"),
            start.Start);
        var notice = Assert.Single(issued.Effects.OfType<Notify>());
        Assert.Equal((NoticeKinds.CertificateIssued, Party.Enterprise), (notice.Kind, notice.Recipient));
        Assert.Equal("2029-05-19", notice.Facts["lastValidDay"]);
        Assert.Equal(ApplicationStatus.Issued, app.State.Stage);
        Assert.True(app.State.IsFinal);
        Assert.Empty(app.State.Timers.Active);
        Assert.Empty(app.State.Deadlines);
        Assert.Equal(10, app.State.RemediationDays);
        Assert.Equal(Outcome.Rejected, app.Decide(new Withdrawn(Date("2026-05-21"))).Outcome);
    }

    // RULES.md §5: an initial application supersedes nothing; valid through the day before the third anniversary.
    [Fact]
    public void Initial_application_issues_a_certificate_that_supersedes_nothing()
    {
        var app = new ApplicationDriver().OnNotice(Date("2026-03-02"));
        app.Apply(new Announced(Date("2026-03-10")));

        var issued = app.Apply(new CertificateIssuedToEnterprise("cert-1", "宁AQBⅢ2026000001", Date("2026-03-15")));

        var certificate = Assert.IsType<CertificateIssued>(Assert.Single(issued.Effects.OfType<StartWorkflow>()).Start);
        Assert.Null(certificate.Supersedes);
        Assert.Equal(Date("2029-03-14"), certificate.ValidThrough);
    }

    // RULES.md §5 convention: one function decides the last valid day for the application workflow, the certificate
    // workflow and everything else; a certificate issued on 29 February is valid through 28 February and expired from 1 March.
    [Theory]
    [InlineData("2024-02-29", "2027-02-28", "2027-03-01")]
    [InlineData("2024-03-15", "2027-03-14", "2027-03-15")]
    [InlineData("2025-03-01", "2028-02-29", "2028-03-01")]
    [InlineData("2026-12-31", "2029-12-30", "2029-12-31")]
    public void Application_and_certificate_workflows_use_the_one_last_valid_day(string issuedOn, string lastValidDay, string expiredFrom)
    {
        var app = new ApplicationDriver().OnNotice(Date(issuedOn).PlusDays(-20));
        app.Apply(new Announced(Date(issuedOn).PlusDays(-5)));

        var issued = app.Apply(new CertificateIssuedToEnterprise("cert-1", "宁AQBⅢ2024000001", Date(issuedOn)));

        var certificate = Assert.IsType<CertificateIssued>(Assert.Single(issued.Effects.OfType<StartWorkflow>()).Start);
        Assert.Equal(Date(lastValidDay), certificate.ValidThrough);
        Assert.Equal(CertificateValidity.LastValidDay(Date(issuedOn), 3), certificate.ValidThrough);
        Assert.Equal(lastValidDay, Assert.Single(issued.Effects.OfType<Notify>()).Facts[NoticeFactNames.LastValidDay]);

        var workflow = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, ApplicationDriver.Catalog));
        var longer = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, ApplicationDriver.Catalog));
        Assert.Equal(Outcome.Rejected, longer.Send(certificate with { ValidThrough = Date(lastValidDay).PlusDays(1) }, Date(issuedOn)).Outcome);
        Assert.Equal(Outcome.Applied, workflow.Send(certificate, Date(issuedOn)).Outcome);
        workflow.RunUntil(ShanghaiTime.StartOf(Date(expiredFrom)).Plus(Duration.FromMinutes(-1)));
        Assert.NotEqual(CertificateStatus.Expired, workflow.State.Current);
        workflow.RunUntil(ShanghaiTime.StartOf(Date(expiredFrom)));
        Assert.Equal(CertificateStatus.Expired, workflow.State.Current);
        var expired = workflow.Applied.SelectMany(d => d.Effects).OfType<Notify>().First(n => n.Kind == NoticeKinds.CertificateExpired);
        Assert.Equal(expiredFrom, expired.Facts[NoticeFactNames.ExpiredFrom]);
    }
}
