using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Tests.Workflows.Certificates;
using SafetyCert.Domain.Tests.Workflows.Remediation;
using SafetyCert.Domain.Tests.Workflows.Revocations;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Accreditations;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Domain.Workflows.Remediation;
using SafetyCert.Domain.Workflows.Revocations;
using SafetyCert.Domain.Workflows.SelfAssessments;

namespace SafetyCert.Domain.Tests.Workflows;

/// <summary>Every lifecycle state and event survives a System.Text.Json round trip, as the engine stores them.</summary>
public class LifecycleJsonTests
{
    private static readonly JsonSerializerOptions Web = Create(strict: false);
    private static readonly JsonSerializerOptions Strict = Create(strict: true);

    private static readonly Dictionary<string, object> Samples = BuildSamples();

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in Samples.Keys)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    // DESIGN.md "state is data": state and events are stored as JSON and must read back unchanged.
    [Theory]
    [MemberData(nameof(Cases))]
    public void Round_trips_through_json(string name, bool strict)
    {
        var options = strict ? Strict : Web;
        var sample = Samples[name];
        var type = sample.GetType();

        var json = JsonSerializer.Serialize(sample, type, options);
        var back = JsonSerializer.Deserialize(json, type, options);

        Assert.NotNull(back);
        Assert.Equal(json, JsonSerializer.Serialize(back, type, options));
        if (sample is IWorkflowState state)
        {
            var read = Assert.IsAssignableFrom<IWorkflowState>(back);
            Assert.Contains("\"schemaVersion\":1", json, StringComparison.Ordinal);
            Assert.Equal(state.Status, read.Status);
            Assert.Equal(state.Timers.Active.Keys, read.Timers.Active.Keys);
            Assert.Equal(state.Deadlines.AsEnumerable(), read.Deadlines.AsEnumerable());
        }
    }

    // Every state and event type of the lifecycle workflows has a sample above.
    [Fact]
    public void Every_lifecycle_state_and_event_type_has_a_sample()
    {
        string[] namespaces =
        [
            typeof(CertificateState).Namespace!, typeof(RevocationState).Namespace!, typeof(SelfAssessmentState).Namespace!,
            typeof(RemediationState).Namespace!, typeof(AccreditationState).Namespace!,
        ];
        var types = typeof(IWorkflowState).Assembly.GetTypes()
            .Where(t => namespaces.Contains(t.Namespace) && (typeof(IWorkflowState).IsAssignableFrom(t) || typeof(WorkflowEvent).IsAssignableFrom(t)))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);

        Assert.Equal(types, Samples.Values.Select(s => s.GetType().Name).Distinct().Order(StringComparer.Ordinal));
    }

    private static JsonSerializerOptions Create(bool strict)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        if (strict)
        {
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.RespectRequiredConstructorParameters = true;
            options.RespectNullableAnnotations = true;
        }

        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private static Dictionary<string, object> BuildSamples()
    {
        var calendar = WorkflowDriver<CertificateState>.Calendar;
        var certificate = new WorkflowDriver<CertificateState>(new CertificateWorkflow(calendar, TestProfiles.Catalog));
        certificate.Send(CertificateWorkflowTests.Issued(), new LocalDate(2024, 3, 15));
        certificate.Send(new AccidentReported("acc-1", new LocalDate(2025, 1, 2), 0, false), new LocalDate(2025, 1, 2));
        certificate.Send(new LicenceLapsed(new LocalDate(2025, 6, 1)), new LocalDate(2025, 6, 1));

        var revocation = new WorkflowDriver<RevocationState>(new RevocationWorkflow(calendar, TestProfiles.Catalog));
        revocation.Send(RevocationWorkflowTests.ByRegulator(), new LocalDate(2025, 9, 1));
        revocation.Send(new PlaqueReturned(new LocalDate(2025, 9, 5)), new LocalDate(2025, 9, 5));

        var selfAssessment = new WorkflowDriver<SelfAssessmentState>(new SelfAssessmentWorkflow(calendar, TestProfiles.Catalog));
        selfAssessment.Send(new SelfAssessmentYearOpened("ent-1", "640104", Grade.Level3, 2026, TestProfiles.NationalId), new LocalDate(2026, 1, 1));
        var submitted = new SelfAssessmentSubmitted(new LocalDate(2026, 12, 2), 91.25m, Grade.Level3, true, true, "doc-sa");
        var selfAssessmentDone = new WorkflowDriver<SelfAssessmentState>(new SelfAssessmentWorkflow(calendar, TestProfiles.Catalog));
        selfAssessmentDone.Send(new SelfAssessmentYearOpened("ent-1", "640104", Grade.Level3, 2026, TestProfiles.NationalId), new LocalDate(2026, 1, 1));
        selfAssessmentDone.Send(submitted, new LocalDate(2026, 12, 2));

        var remediation = new WorkflowDriver<RemediationState>(new RemediationWorkflow(calendar, TestProfiles.Catalog));
        remediation.Send(RemediationWorkflowTests.Ordered(new LocalDate(2025, 6, 30)), new LocalDate(2025, 3, 10));

        var accreditation = new WorkflowDriver<AccreditationState>(new AccreditationWorkflow(calendar, TestProfiles.Catalog));
        accreditation.Send(new AccreditationGranted("unit-7", "640100", Grade.Level2, TestProfiles.NationalId, new LocalDate(2025, 4, 1)), new LocalDate(2025, 4, 1));

        return new Dictionary<string, object>
        {
            ["certificate state, suspended after an accident"] = certificate.State,
            ["certificate state, not issued"] = new CertificateState(),
            ["revocation state, recalling"] = revocation.State,
            ["self-assessment state, open"] = selfAssessment.State,
            ["self-assessment state, submitted"] = selfAssessmentDone.State,
            ["remediation state, open"] = remediation.State,
            ["accreditation state, accredited"] = accreditation.State,
            [nameof(CertificateIssued)] = CertificateWorkflowTests.Issued(supersedes: "cert-0"),
            [nameof(RemediationOrdered)] = RemediationWorkflowTests.Ordered(new LocalDate(2025, 6, 30)),
            [nameof(LicenceLapsed)] = new LicenceLapsed(new LocalDate(2025, 6, 1)),
            [nameof(LicenceRenewed)] = new LicenceRenewed(new LocalDate(2025, 8, 1), new LocalDate(2028, 7, 31)),
            [nameof(RenewalFiled)] = new RenewalFiled("app-2", new LocalDate(2027, 1, 28)),
            [nameof(RenewalWithdrawn)] = new RenewalWithdrawn("app-2", new LocalDate(2027, 2, 1)),
            [nameof(RenewalFailed)] = new RenewalFailed("app-2", new LocalDate(2027, 2, 1)),
            [nameof(AccidentReported)] = new AccidentReported("acc-1", new LocalDate(2025, 1, 2), 2, true),
            [nameof(RevocationConfirmed)] = new RevocationConfirmed([RevocationGround.FatalAccident], new LocalDate(2025, 1, 3), new LocalDate(2026, 1, 3)),
            [nameof(FollowUpVisitRecorded)] = new FollowUpVisitRecorded("unit-7", new LocalDate(2024, 9, 1), "doc-visit"),
            [nameof(RemediationMissed)] = new RemediationMissed("rem-1", new LocalDate(2025, 6, 30)),
            [nameof(CertificateSuperseded)] = new CertificateSuperseded("cert-2", new LocalDate(2027, 3, 1)),
            [nameof(RevocationOpened)] = RevocationWorkflowTests.ByRegulator(),
            [nameof(CertificateReturned)] = new CertificateReturned(new LocalDate(2025, 9, 3)),
            [nameof(PlaqueReturned)] = new PlaqueReturned(new LocalDate(2025, 9, 3)),
            [nameof(SelfAssessmentYearOpened)] = new SelfAssessmentYearOpened("ent-1", "640104", Grade.Level3, 2026, TestProfiles.NationalId),
            [nameof(SelfAssessmentSubmitted)] = submitted with { SelfAssessedGrade = null },
            [nameof(RemediationCompleted)] = new RemediationCompleted(new LocalDate(2025, 6, 2), ["doc-1", "doc-2"]),
            [nameof(GradeCertificateIssued)] = new GradeCertificateIssued("cert-1"),
            [nameof(ApplicationClosed)] = new ApplicationClosed("app-1", new LocalDate(2025, 5, 2)),
            [nameof(AccreditationGranted)] = new AccreditationGranted("unit-7", "640100", Grade.Level2, TestProfiles.NationalId, new LocalDate(2025, 4, 1)),
            [nameof(Reaccredited)] = new Reaccredited(new LocalDate(2027, 3, 1)),
            [nameof(StruckOff)] = new StruckOff(new LocalDate(2025, 10, 1), "False review report"),
        };
    }
}
