using System.Net;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>
/// Replays neither lose nor double a request: an Idempotency-Key is bound to its caller and request, an accident reported
/// again without a key is the same accident, and an enterprise has one open application per grade.
/// </summary>
public sealed class ReplayTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task A_key_reused_with_another_body_or_by_another_caller_is_refused_and_a_keyless_replay_is_one_accident()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var path = $"/api/certificates/{certificateId}/accidents";
        var enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2026, 3, 16)));

        var first = await SendWithKeyAsync(host, path, enterprise, "key-1", new { on = "2026-03-13", deaths = 0 });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        // The same request again is a retry: answered, not decided twice.
        var retry = await SendWithKeyAsync(host, path, enterprise, "key-1", new { on = "2026-03-13", deaths = 0 });
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.True((await ApiHost.JsonAsync(retry)).GetProperty("duplicate").GetBoolean());

        // A concealed accident under the first report's key is not swallowed: 422, and nothing recorded.
        var other = await SendWithKeyAsync(host, path, enterprise, "key-1", new { on = "2026-03-13", deaths = 0, concealedOrLate = true });
        var problem = await ApiSteps.AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("Idempotency-Key", problem, StringComparison.Ordinal);
        var regulator = ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal);
        await ApiSteps.AssertProblemAsync(await SendWithKeyAsync(host, path, regulator, "key-1", new { on = "2026-03-13", deaths = 0 }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await AccidentsAsync(host, certificateId));

        // Without a key, the same accident reported twice is recorded once; a different one is recorded.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(path, regulator, new { on = "2026-03-12", deaths = 0 })).StatusCode);
        var replay = await host.PostAsync(path, regulator, new { on = "2026-03-12", deaths = 0 });
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.True((await ApiHost.JsonAsync(replay)).GetProperty("duplicate").GetBoolean());
        Assert.Equal(2, await AccidentsAsync(host, certificateId));

        // A refused request does not keep its key: corrected, it goes through under the same key.
        await ApiSteps.AssertProblemAsync(await SendWithKeyAsync(host, path, enterprise, "key-2", new { on = "2026-03-13" }), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await SendWithKeyAsync(host, path, enterprise, "key-2", new { on = "2026-03-11", deaths = 0 })).StatusCode);
        Assert.Equal(3, await AccidentsAsync(host, certificateId));
    }

    [Fact]
    public async Task Two_parallel_initial_applications_for_one_grade_are_one_application()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);

        var both = await Task.WhenAll(host.PostAsync("/api/applications", enterprise, ApiSteps.Submission()), host.PostAsync("/api/applications", enterprise, ApiSteps.Submission()));
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var refused = both.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        var created = (await ApiHost.JsonAsync(both.Single(r => r.StatusCode == HttpStatusCode.Created))).GetProperty("instanceId").GetString()!;
        Assert.Contains(created, await ApiSteps.AssertProblemAsync(refused, HttpStatusCode.Conflict), StringComparison.Ordinal);

        // Once withdrawn, the grade is free again.
        await ApiSteps.StepAsync(host, $"/api/applications/{created}/withdrawal", enterprise, new { }, "Withdrawn");
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("/api/applications", enterprise, ApiSteps.Submission())).StatusCode);
    }

    [Fact]
    public async Task An_omitted_application_kind_or_grade_is_a_400_not_a_default()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        await ApiSteps.RegisterAsync(host);
        var response = await host.PostAsync("/api/applications", ApiHost.Enterprise(ApiSteps.EnterpriseId), new
        {
            enterpriseId = ApiSteps.EnterpriseId, systemRunningSince = "2025-06-01", postAndProfessionalStandardizationDone = true, dualPreventionInPlace = true,
        });
        var problem = await ApiSteps.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("kind", problem, StringComparison.Ordinal);
        Assert.Contains("grade", problem, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SendWithKeyAsync(ApiHost host, string path, Functions.Access.Caller caller, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", host.TokenFor(caller));
        request.Headers.Add("Idempotency-Key", key);
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<int> AccidentsAsync(ApiHost host, string certificateId)
    {
        var history = await ApiHost.JsonAsync(await host.GetAsync($"/api/workflows/certificate/{certificateId}/history", ApiHost.Admin));
        return history.GetProperty("entries").EnumerateArray().Count(e => e.GetProperty("eventType").GetString() == "AccidentReported");
    }
}
