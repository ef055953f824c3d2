using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Applications;
using static SafetyCert.Domain.Tests.Workflows.Applications.Dates;

namespace SafetyCert.Domain.Tests.Workflows.Applications;

/// <summary>The engine stores states and events as JSON; both must come back unchanged.</summary>
public class ApplicationJsonTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    public static TheoryData<WorkflowEvent> Events => new()
    {
        ApplicationDriver.Submission(Date("2026-02-13"), Grade.Level2, kind: ApplicationKind.Upgrade, previousCertificateId: "cert-0") with { PartialReReviewOf = "app-0" },
        new MaterialReviewAccepted(Date("2026-03-02")),
        new MaterialReviewRejected(Date("2026-03-02"), "licence copy missing"),
        new ReviewUnitAssigned("unit-7", "seed-42", Date("2026-03-03")),
        new RemediationStarted(Date("2026-03-20")),
        new RemediationEnded(Date("2026-03-30")),
        new ReviewReportSubmitted(Date("2026-04-24"), Passed: true, "meets level 2", "exits poorly marked", Date("2026-10-24")),
        new ReportAudited(Date("2026-04-28"), Forwarded: false, "photos unsigned"),
        new ReverificationCompleted(Date("2026-05-05")),
        new PublicNoticePublished(Date("2026-05-06")),
        new ObjectionRaised("obj-1", Date("2026-05-07"), "score inflated"),
        new ObjectionResolved("obj-1", Date("2026-05-08"), Upheld: false, "score checked"),
        new Announced(Date("2026-05-14")),
        new CertificateIssuedToEnterprise("cert-1", "宁AQBⅡ2026000001", Date("2026-05-20")),
        new ReviewFailed(Date("2026-05-20"), Party.ReviewOrganization, "no ledger"),
        new Withdrawn(Date("2026-05-20"), "plant sold"),
        new FastTrackConfirmed(Date("2026-03-02")),
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_survives_a_json_round_trip(WorkflowEvent @event)
    {
        var json = JsonSerializer.Serialize(@event, @event.GetType(), Options);

        var back = JsonSerializer.Deserialize(json, @event.GetType(), Options);

        Assert.Equal(@event, back);
    }

    [Fact]
    public void Every_application_event_type_has_a_round_trip_case()
    {
        var covered = Events.Select(row => row.Data.GetType()).ToHashSet();
        var declared = typeof(ApplicationWorkflow).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ApplicationWorkflow).Namespace && t.IsSubclassOf(typeof(WorkflowEvent)));

        Assert.All(declared, t => Assert.Contains(t, covered));
    }

    public static TheoryData<string> Points => new() { "submitted", "in-remediation", "objection-pending", "failed", "issued" };

    [Theory]
    [MemberData(nameof(Points))]
    public void State_survives_a_json_round_trip(string point)
    {
        var state = StateAt(point);
        var json = JsonSerializer.Serialize(state, Options);

        var back = JsonSerializer.Deserialize<ApplicationState>(json, Options)!;

        Assert.Equal(json, JsonSerializer.Serialize(back, Options));
        Assert.Equal(state.Stage, back.Stage);
        Assert.Equal(state.Status, back.Status);
        Assert.Equal(state.Deadlines, back.Deadlines);
        Assert.Equal(state.Timers.Active.Values, back.Timers.Active.Values);
        Assert.Equal(state.Timers.Sequence, back.Timers.Sequence);
        Assert.Equal(state.OpenObjections, back.OpenObjections);
        Assert.Equal(ApplicationState.CurrentSchemaVersion, back.SchemaVersion);
        Assert.Contains("\"stage\":\"" + state.Stage + "\"", json, StringComparison.Ordinal);
        Assert.Contains("\"schemaVersion\":1", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Round_tripped_state_decides_like_the_original()
    {
        var app = new ApplicationDriver().UnderReview(Date("2026-01-31"));
        var back = JsonSerializer.Deserialize<ApplicationState>(JsonSerializer.Serialize(app.State, Options), Options)!;
        var timer = back.Timers.Active[ApplicationWorkflow.ReviewDueTimer];

        var decision = app.Workflow.Decide(back, new TimerFired(timer.Id, timer.Token), timer.DueAt);

        Assert.Equal(Outcome.Applied, decision.Outcome);
        Assert.Equal(2, decision.Effects.OfType<Notify>().Count());
    }

    private static ApplicationState StateAt(string point)
    {
        var app = new ApplicationDriver();
        switch (point)
        {
            case "submitted":
                app.Submitted(Date("2026-02-13"));
                break;
            case "in-remediation":
                app.UnderReview(Date("2026-01-31")).Apply(new RemediationStarted(Date("2026-02-03")));
                break;
            case "objection-pending":
                app.OnNotice(Date("2026-03-02")).Apply(new ObjectionRaised("obj-1", Date("2026-03-04"), "score inflated"));
                break;
            case "failed":
                app.UnderReview(Date("2026-04-01")).Apply(new ReviewFailed(Date("2026-05-20"), Party.ReviewUnit, "no ledger"));
                break;
            default:
                app.OnNotice(Date("2026-03-02")).Apply(new Announced(Date("2026-03-10")));
                app.Apply(new CertificateIssuedToEnterprise("cert-1", "宁AQBⅢ2026000001", Date("2026-03-15")));
                break;
        }

        return app.State;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter());
        options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);
        return options;
    }
}
