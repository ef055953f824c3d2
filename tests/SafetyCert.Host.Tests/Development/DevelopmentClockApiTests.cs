using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Time;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using Microsoft.DurableTask.Client;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Development;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Development;

/// <summary><c>/dev/clock</c> on the app as <c>serve</c> builds it, in Development and in Production.</summary>
public sealed class DevelopmentClockApiTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_reads_the_clock_and_a_move_backwards_or_without_a_target_is_a_problem()
    {
        await using var app = await StartAsync("Development");
        using var client = app.GetTestClient();

        var reading = await client.GetFromJsonAsync<JsonElement>(new Uri("/dev/clock", UriKind.Relative), Ct);
        var now = Instant.FromDateTimeOffset(reading.GetProperty("utc").GetDateTimeOffset());
        Assert.InRange(now, SystemClock.Instance.GetCurrentInstant() - Duration.FromMinutes(1), SystemClock.Instance.GetCurrentInstant());
        Assert.EndsWith("+08:00", reading.GetProperty("now").GetString(), StringComparison.Ordinal);

        foreach (var body in new object[] { new { to = "2020-01-01T09:00:00+08:00" }, new { advance = "-P1D" }, new { }, new { advance = "P1D", to = "2099-01-01T00:00:00Z" }, new { advance = "soon" } })
        {
            using var response = await client.PostAsJsonAsync(new Uri("/dev/clock", UriKind.Relative), body, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("The development clock was not moved.", problem.GetProperty("title").GetString());
        }

        Assert.True(app.Services.GetRequiredService<DevelopmentClock>().Offset < Duration.FromMinutes(1));
    }

    [Fact]
    public async Task Advancing_two_months_fires_the_certificate_timers_it_passed_and_the_certificate_expires()
    {
        await using var app = await StartAsync("Development");
        using var client = app.GetTestClient();
        var engine = app.Services.GetRequiredService<WorkflowClients>().For(app.Services.GetRequiredService<DurableTaskClient>());
        var today = ShanghaiTime.DateOf(app.Services.GetRequiredService<IClock>().GetCurrentInstant());
        var validThrough = today.PlusDays(20);
        var issued = new CertificateIssued("c-1", "宁AQBⅡ2024000001", "e-1", "640104", Grade.Level2, "ningxia-2017", validThrough.PlusYears(-3).PlusDays(1), validThrough, LicenceRequired: false);
        await engine.StartAsync(WorkflowKinds.Certificate, "c-1", issued, "start", "test", Ct);

        using var response = await client.PostAsJsonAsync(new Uri("/dev/clock", UriKind.Relative), new { advance = "P2M" }, Ct);
        var reading = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        // RULES.md §5–§6: the 7- and 1-day renewal reminders and the expiry after the last valid day, each recorded
        // once by the time the jump answers (the sweep deletes a due row only once its instance recorded the firing).
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, reading.GetProperty("timersFired").GetInt32());
        var status = await engine.GetStatusAsync(WorkflowKinds.Certificate, "c-1", Ct);
        Assert.Equal("Expired", status?.Status);
        Assert.Empty(status!.PendingTimers.Where(t => t.Id.StartsWith("renewal", StringComparison.Ordinal)));
        var history = await engine.GetHistoryAsync(WorkflowKinds.Certificate, "c-1", cancellationToken: Ct);
        var fired = history.Entries.Where(e => e.EventType == nameof(TimerFired) && e.Outcome == Outcome.Applied).Select(e => e.EventId).ToList();
        Assert.Equal(fired.Distinct(StringComparer.Ordinal).Count(), fired.Count);
    }

    [Fact]
    public async Task Outside_Development_there_is_no_clock_endpoint_and_no_development_clock()
    {
        await using var app = await StartAsync("Production");
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/dev/clock", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(app.Services.GetService<DevelopmentClock>());
        Assert.Same(SystemClock.Instance, app.Services.GetRequiredService<IClock>());
    }

    private async Task<WebApplication> StartAsync(string environment)
    {
        var app = ServeCommand.Build(
            ["--environment", environment, $"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:Prefix={AzuriteFixture.NewPrefix()}", "--Queues:MaxPollDelay=00:00:00.200"],
            builder => builder.WebHost.UseTestServer());
        await app.StartAsync(Ct);
        return app;
    }

}
