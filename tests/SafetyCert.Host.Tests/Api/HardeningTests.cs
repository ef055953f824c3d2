using System.Net;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using NodaTime;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Api;

/// <summary>What every response carries, what refusals never reveal, and which entry points HTTP reaches.</summary>
public sealed class HardeningTests(AzuriteFixture azurite)
{
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_pages_a_policy_of_their_own()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        foreach (var response in new[]
        {
            await host.GetAsync("/api/calendar/2026", ApiHost.Admin),
            await host.SendAsync(HttpMethod.Get, "/api/calendar/2026", null),
            await host.GetAsync("/api/enterprises/nobody", ApiHost.Admin),
        })
        {
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri}: no Cache-Control: no-store");
            Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
            Assert.False(response.Headers.Contains("Server"));
        }

        var page = await host.SendAsync(HttpMethod.Get, "/api/public/verify?number=x", null);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var policy = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.Matches("script-src 'sha256-[A-Za-z0-9+/=]+'", policy);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refusals_name_the_problem_without_library_messages_key_ids_or_type_names()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var foreignKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another-signing-key-of-at-least-32-characters!")) { KeyId = "kid-4711-secret" };
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["role"] = "Administrator" },
            SigningCredentials = new SigningCredentials(foreignKey, SecurityAlgorithms.HmacSha256),
        });
        var details = new List<string>
        {
            await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, "/api/calendar/2026", null, token: forged), HttpStatusCode.Unauthorized),
            await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Get, "/api/calendar/2026", null, token: "not.a.jwt"), HttpStatusCode.Unauthorized),
            await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/review-organizations", ApiHost.Admin, rawJson: """{"id":"o","name":"n","regionCode":"640100","level":7}"""), HttpStatusCode.BadRequest),
            await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/review-organizations", ApiHost.Admin, rawJson: """{"id":"o","name":["n"],"regionCode":"640100","level":"Municipal"}"""), HttpStatusCode.BadRequest),
            await ApiSteps.AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/review-organizations", ApiHost.Admin, rawJson: """{"id":"o","name":"""), HttpStatusCode.BadRequest),
        };

        foreach (var detail in details)
        {
            foreach (var leak in new[] { "kid-4711", "IDX", "System.", "SafetyCert.", "LineNumber", "BytePosition", "Exception" })
            {
                Assert.DoesNotContain(leak, detail, StringComparison.Ordinal);
            }
        }

        Assert.Contains("level", details[2], StringComparison.Ordinal);
        Assert.Contains("name", details[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_HTTP_functions_are_reachable_over_HTTP()
    {
        // Timer, queue, orchestration and activity entry points have no route, in the local runtime as behind the Functions host.
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        foreach (var (method, path) in new[]
        {
            ("POST", "/WorkflowEvents"), ("POST", "/api/WorkflowEvents"), ("POST", "/api/TimerSweep"), ("GET", "/api/TimerSweep"),
            ("POST", "/api/NotificationSender"), ("POST", "/api/NotificationCatchUp"), ("POST", "/api/DailyDigest"), ("POST", "/api/SpotCheckDraw"),
            ("POST", "/api/HolidayArrangementCheck"), ("POST", "/api/Lifecycle"), ("POST", "/api/RecordTransition"), ("POST", "/api/CarryOutEffects"),
            ("POST", "/api/ConfirmDeliveries"), ("POST", "/admin/functions/TimerSweep"),
            ("POST", "/runtime/webhooks/durabletask/instances/application:x/raiseEvent/WorkflowEvent"),
        })
        {
            var response = await host.SendAsync(new HttpMethod(method), path, ApiHost.Admin, new { });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {(int)response.StatusCode}");
        }
    }
}
