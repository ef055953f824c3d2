using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.SelfAssessments;
using SafetyCert.Functions.Workflows;
using SafetyCert.Functions.Api.Certificates;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Api.ReviewBodies;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Development;

/// <summary>
/// Demo parties and workflows for a development host, dated from the clock so something comes due within days:
/// contacts for enterprises in Ningxia, Beijing, Fujian and Mianyang and for their regulators and review
/// organizations; certificates expiring soon; an application in material review; a certificate whose fatal
/// accident meets the revocation threshold; a self-assessment year with its December reminders ahead.
/// Fixed instance and event ids make seeding idempotent: a second run starts and records nothing.
/// </summary>
internal sealed class DemoData(WorkflowClient engine, ContactBook contacts, IClock clock)
{
    private const string Actor = "demo";

    /// <summary>The demo enterprises; the first of each role is the one the printed development tokens act for.</summary>
    public static IReadOnlyList<DemoEnterprise> Enterprises { get; } =
    [
        new("91640104MA7N00001M", "nx-steel", "宁夏示例钢铁有限公司", "640104", Grade.Level2, "ningxia-2017", Industries.Metallurgy),
        new("91640104MA7N00002Q", "nx-chem", "宁夏示例化工有限公司", "640104", Grade.Level3, "ningxia-2017", Industries.Chemicals),
        new("91110105MA7N000003", "bj-build", "北京示例建材有限公司", "110105", Grade.Level3, "beijing-2015", Industries.IndustryTrade),
        new("91350102MA7N000042", "fz-textile", "福州示例纺织有限公司", "350102", Grade.SmallMicro, "fujian-2017", Industries.IndustryTrade),
        new("91510703MA7N00005F", "my-mine", "绵阳示例矿业有限公司", "510703", Grade.Level3, "mianyang-2020", Industries.NonCoalMine),
    ];

    /// <summary>The review organizations, one per province, keyed by body id with the region they serve.</summary>
    public static IReadOnlyList<(string Id, string RegionCode)> ReviewOrganizations { get; } =
    [
        ("nx-review-center", "640000"),
        ("bj-review-center", "110000"),
        ("fj-review-center", "350000"),
        ("sc-review-center", "510000"),
    ];

    /// <summary>The registries the API reads; the demo's parties and certificates are entered there too.</summary>
    public required DemoRegistries Registries { get; init; }

    /// <summary>Saves the contacts and starts the workflows; returns how many instances were new.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await SaveContactsAsync(cancellationToken);
        var today = ShanghaiTime.DateOf(clock.GetCurrentInstant());
        await RegisterAsync(today, cancellationToken);
        var started = 0;

        // Issued three years ago, so the last renewal reminders and the expiry come within days.
        started += await IssueAsync("demo-cert-nx-steel", Enterprises[0], "宁", validThrough: today.PlusDays(3), cancellationToken);
        started += await IssueAsync("demo-cert-bj-build", Enterprises[2], "京", validThrough: today.PlusDays(10), cancellationToken);

        // A level-3 mine under the Mianyang profile: three deaths reach its revocation threshold.
        var mine = Enterprises[4];
        started += await IssueAsync("demo-cert-my-mine", mine, "川", validThrough: today.PlusYears(2), cancellationToken);
        await ApplyAsync(WorkflowKinds.Certificate, "demo-cert-my-mine", new AccidentReported("demo-accident-my-mine", today.PlusDays(-2), Deaths: 3, ConcealedOrLate: false), "demo-accident", cancellationToken);
        // On file with the enterprise too, as the API records a reported accident: the accident list reads it there.
        await Registries.Enterprises.AddAccidentAsync(mine.Id, new AccidentRecord("demo-accident-my-mine", today.PlusDays(-2), Deaths: 3, ConcealedOrLate: false, "demo-cert-my-mine"), cancellationToken);

        var textile = Enterprises[3];
        started += await StartAsync(
            WorkflowKinds.Application,
            "demo-app-fz-textile",
            new ApplicationSubmitted("demo-app-fz-textile", textile.Id, textile.RegionCode, textile.Industry, textile.Grade, ApplicationKind.Initial, textile.ProfileId, today),
            cancellationToken);

        var chem = Enterprises[1];
        started += await StartAsync(
            WorkflowKinds.SelfAssessment,
            SelfAssessmentId(today.Year),
            new SelfAssessmentYearOpened(chem.Id, chem.RegionCode, chem.Grade, today.Year, chem.ProfileId),
            cancellationToken);
        await Registries.Enterprises.LinkAsync(textile.Id, WorkflowKinds.Application, "demo-app-fz-textile", cancellationToken);
        await Registries.Enterprises.LinkAsync(chem.Id, WorkflowKinds.SelfAssessment, SelfAssessmentId(today.Year), cancellationToken);
        return started;
    }

    /// <summary>The self-assessment instance of the Ningxia chemical works for a year.</summary>
    public static string SelfAssessmentId(int year) => SelfAssessmentWorkflow.InstanceId(Enterprises[1].Id, year);

    /// <summary>An e-mail address under the enterprise's demo domain.</summary>
    public static string EmailOf(DemoEnterprise enterprise)
    {
        ArgumentNullException.ThrowIfNull(enterprise);
        return $"safety@{enterprise.Slug}.example.cn";
    }

    /// <summary>Enters the enterprises and review organizations in the registries, once.</summary>
    private async Task RegisterAsync(LocalDate today, CancellationToken cancellationToken)
    {
        foreach (var enterprise in Enterprises)
        {
            if (await Registries.Enterprises.GetAsync(enterprise.Id, cancellationToken) is null)
            {
                await Registries.Enterprises.AddAsync(
                    new Enterprise(enterprise.Id, enterprise.Name, enterprise.RegionCode, enterprise.Industry, LicenceRequired: false, LicenceValidUntil: null, ConsultingProvider: null, RegisteredOn: today.PlusYears(-4)),
                    cancellationToken);
            }
        }

        foreach (var (id, region) in ReviewOrganizations)
        {
            if (await Registries.ReviewBodies.GetOrganizationAsync(id, cancellationToken) is null)
            {
                await Registries.ReviewBodies.AddOrganizationAsync(new ReviewOrganization(id, $"{id} 评审组织单位", region, RegulatorLevel.Provincial), cancellationToken);
            }
        }
    }

    private async Task SaveContactsAsync(CancellationToken cancellationToken)
    {
        foreach (var enterprise in Enterprises)
        {
            await contacts.SaveAsync($"enterprise:{enterprise.Id}", Contact.Email(1, EmailOf(enterprise)), cancellationToken);
            foreach (var level in new[] { RegulatorLevel.Municipal, RegulatorLevel.Provincial, RegulatorLevel.National })
            {
                var scope = RecipientScope.Regulator(enterprise.RegionCode, level);
                var tier = scope.Split(':')[1];
                await contacts.SaveAsync(scope, Contact.Email(1, $"regulator-{tier}@yjj.example.cn"), cancellationToken);
            }
        }

        foreach (var (id, _) in ReviewOrganizations)
        {
            await contacts.SaveAsync($"review-organization:{id}", Contact.Email(1, $"office@{id}.example.cn"), cancellationToken);
        }

        // Notices reach a review organization by the region tier responsible for the grade (see RecipientScope).
        foreach (var enterprise in Enterprises)
        {
            foreach (var level in new[] { RegulatorLevel.Municipal, RegulatorLevel.Provincial, RegulatorLevel.National })
            {
                var scope = RecipientScope.ReviewOrganization(enterprise.RegionCode, level);
                await contacts.SaveAsync(scope, Contact.Email(1, $"review-{scope.Split(':')[1]}@psc.example.cn"), cancellationToken);
            }
        }

        await contacts.SaveAsync(RecipientScope.Administrator, Contact.Email(1, "admin@safetycert.example.cn"), cancellationToken);
    }

    private async Task<int> IssueAsync(string certificateId, DemoEnterprise enterprise, string province, LocalDate validThrough, CancellationToken cancellationToken)
    {
        var issuedOn = validThrough.PlusYears(-3).PlusDays(1);
        var number = new Domain.Certificates.CertificateNumber(province, enterprise.Grade, issuedOn.Year, 1 + Math.Abs(StableHash(certificateId) % 999_000)).ToString();
        // Issued three years before the demo starts, so taken over as from an existing register: a follow-up visit whose
        // window closed before then is not chased, as the register does not say whether it happened.
        var issued = new CertificateIssued(
            certificateId, number, enterprise.Id, enterprise.RegionCode, enterprise.Grade, enterprise.ProfileId, issuedOn, validThrough,
            LicenceRequired: false, Imported: true, Industry: enterprise.Industry);
        var started = await StartAsync(WorkflowKinds.Certificate, certificateId, issued, cancellationToken);
        if (await Registries.Certificates.GetAsync(certificateId, cancellationToken) is null)
        {
            await Registries.Certificates.AddAsync(
                new CertificateRecord(certificateId, number, enterprise.Id, enterprise.RegionCode, enterprise.Industry, enterprise.Grade, enterprise.ProfileId, issuedOn, ApplicationId: "demo"),
                cancellationToken);
        }

        await Registries.Enterprises.ChangeAsync(enterprise.Id, e => e with { Grade = enterprise.Grade, CurrentCertificateId = certificateId }, cancellationToken);
        await Registries.Enterprises.LinkAsync(enterprise.Id, WorkflowKinds.Certificate, certificateId, cancellationToken);

        return started;
    }

    private async Task<int> StartAsync(string kind, string instanceId, WorkflowEvent start, CancellationToken cancellationToken)
    {
        var result = await engine.StartAsync(kind, instanceId, start, "demo-start", Actor, cancellationToken);
        if (result.Outcome == Outcome.Rejected)
        {
            throw new InvalidOperationException($"Demo {kind} {instanceId} was rejected: {result.Reason}");
        }

        return result.Duplicate ? 0 : 1;
    }

    private async Task ApplyAsync(string kind, string instanceId, WorkflowEvent @event, string eventId, CancellationToken cancellationToken)
    {
        var result = await engine.ApplyAsync(kind, instanceId, @event, eventId, Actor, cancellationToken);
        if (result.Outcome == Outcome.Rejected)
        {
            throw new InvalidOperationException($"Demo event {eventId} on {kind} {instanceId} was rejected: {result.Reason}");
        }
    }

    // string.GetHashCode differs per process; the certificate number must not.
    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked((hash * 31) + c));
}
