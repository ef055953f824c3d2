using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Functions.Documents;
using SafetyCert.Functions.Operations;
using SafetyCert.Host.Tests.Api;
using SafetyCert.Host.Tests.Notifications;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Operations;

/// <summary>What an operator sees: one connected trace per workflow event, domain gauges that follow the certificates, and the health endpoint.</summary>
public sealed class TelemetryTests(AzuriteFixture azurite, LocalServices services)
{
    /// <summary>Monday 2 March 2026, 10:00 in Beijing: a working day inside working hours, so informational notices go out at once.</summary>
    private static readonly Instant Monday = Instant.FromUtc(2026, 3, 2, 2, 0);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_workflow_event_is_one_connected_trace_from_the_http_call_through_its_activities_to_the_notice_it_sends()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is SafetyCertTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await ApiHost.StartAsync(azurite, Monday, settings: [$"--Notifications:Smtp:Port={services.MailDev.SmtpPort}"]);
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var enterprise = ApiHost.Enterprise(ApiSteps.EnterpriseId);
        var address = $"safety-{Guid.NewGuid():N}@helan.example";
        var contact = await host.SendAsync(HttpMethod.Put, $"/api/enterprises/{ApiSteps.EnterpriseId}/contacts", enterprise, new { order = 0, channel = "Email", addresses = new[] { address } });
        Assert.True(contact.IsSuccessStatusCode, await contact.Content.ReadAsStringAsync(Ct));

        var submitted = await host.PostAsync("/api/applications", enterprise, ApiSteps.Submission());
        Assert.True(submitted.StatusCode == HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync(Ct));
        var applicationId = (await ApiHost.JsonAsync(submitted)).GetProperty("instanceId").GetString()!;

        // The review organization returns the materials, with the caller's own trace context as a gateway or the console
        // would send it. The rejection notice to the enterprise is mandatory, so it goes out at once, whatever the hour.
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpan = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/applications/{applicationId}/material-review")
        {
            Content = JsonContent.Create(new { accepted = false, reasons = "The safety management manual is missing." }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.TokenFor(ApiHost.Organization("org-nx", ApiSteps.Yinchuan)));
        request.Headers.Add("traceparent", $"00-{traceId}-{callerSpan}-01");
        var rejected = await host.Client.SendAsync(request, Ct);
        Assert.True(rejected.StatusCode == HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync(Ct));
        Activity? send = null;
        for (var i = 0; i < 300 && send is null; i++)
        {
            send = spans.FirstOrDefault(s => s.TraceId == traceId && s.OperationName == "notice.send" && (string?)s.GetTagItem("safetycert.delivery.status") == "Sent");
            if (send is null)
            {
                await Task.Delay(200, Ct);
            }
        }

        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        var names = string.Join(", ", trace.Select(s => $"{s.Source.Name}:{s.OperationName}"));
        Assert.True(send is not null, $"No sent notice in the trace; it holds {names}");
        Assert.Equal("application-rejected", send.GetTagItem("safetycert.notice.kind"));
        // The API call is the root under the caller's span (locally the Durable sidecar's gRPC calls join the trace too).
        var server = Assert.Single(trace, s => s.ParentSpanId == callerSpan);
        Assert.Equal("Microsoft.AspNetCore", server.Source.Name);
        Assert.Equal("POST /api/applications/{id}/material-review", server.DisplayName);
        Assert.Contains(trace, s => s.OperationName == "workflow.record" && (string?)s.GetTagItem("safetycert.workflow.kind") == "application");
        var effects = Assert.Single(trace, s => s.OperationName == "workflow.effects" && (string?)s.GetTagItem("safetycert.workflow.kind") == "application");
        Assert.Equal(effects.SpanId, send.ParentSpanId);

        // One tree: each of the app's spans hangs from the API call or from another of its spans.
        var own = trace.Where(s => s.Source.Name == SafetyCertTelemetry.Name).ToList();
        var ids = own.Select(s => s.SpanId).Append(server.SpanId).ToHashSet();
        Assert.All(own, s => Assert.True(ids.Contains(s.ParentSpanId), $"{s.OperationName} hangs from {s.ParentSpanId}, outside the trace ({names})"));

        var mail = await services.MailDev.GetEmailsAsync(Ct);
        Assert.Contains(mail, m => m.GetRawText().Contains(address, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_domain_gauges_follow_a_certificate_from_issue_through_its_renewal_window_to_revocation()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var monitor = host.App.Services.GetRequiredService<OperationsMonitor>();
        Assert.Empty((await monitor.RefreshAsync(Ct)).Certificates);

        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var certificateId = await ApiSteps.CertifyAsync(host, new LocalDate(2026, 3, 10));
        var issued = await monitor.RefreshAsync(Ct);
        Assert.Equal(1, issued.Certificates.GetValueOrDefault(("Active", "Level3")));
        Assert.Equal(0, issued.ExpiringWithin90Days);
        Assert.Equal(1, Gauge(monitor, "safetycert.certificates", ("status", "Active"), ("grade", "Level3")));

        // Last valid day 2029-03-09: on 2029-01-08 it is 60 days away, inside 90 days and outside 30.
        host.Clock.Reset(ApiSteps.ShanghaiNine(new LocalDate(2029, 1, 8)));
        var window = await monitor.RefreshAsync(Ct);
        Assert.Equal((0, 1), (window.ExpiringWithin30Days, window.ExpiringWithin90Days));
        Assert.Equal(1, Gauge(monitor, "safetycert.certificates.expiring", ("within", "90d")));
        Assert.Equal(0, Gauge(monitor, "safetycert.certificates.expiring", ("within", "30d")));

        var evidence = await ApiSteps.UploadAsync(host, DocumentKinds.RevocationEvidence, "inspection record");
        var revoked = await host.PostAsync($"/api/certificates/{certificateId}/revocation", ApiHost.Regulator(ApiSteps.Yinchuan, RegulatorLevel.Municipal), new
        {
            grounds = new[] { "UncontrolledHazard" }, reason = "Major hazard left uncontrolled after inspection.", evidenceDocumentIds = new[] { evidence },
        });
        Assert.True(revoked.StatusCode == HttpStatusCode.Created, await revoked.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Revoked", await ApiSteps.WaitForStatusAsync(host, $"/api/workflows/certificate/{certificateId}", ApiHost.Admin, "Revoked"));
        var after = await monitor.RefreshAsync(Ct);
        Assert.Equal(1, after.Certificates.GetValueOrDefault(("Revoked", "Level3")));
        Assert.Equal(0, after.Certificates.GetValueOrDefault(("Active", "Level3")));
        Assert.Equal(0, after.ExpiringWithin90Days);
        Assert.Equal(0, Gauge(monitor, "safetycert.certificates", ("status", "Active"), ("grade", "Level3")));
        Assert.Equal(1, Gauge(monitor, "safetycert.certificates", ("status", "Revoked"), ("grade", "Level3")));
    }

    [Fact]
    public async Task The_health_endpoint_answers_without_a_token_with_storage_and_the_sweeps_lag()
    {
        await using var host = await ApiHost.StartAsync(azurite, Monday);
        var response = await host.Client.GetAsync("/api/health", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var health = await ApiHost.JsonAsync(response);
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.Equal("Healthy", health.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal(0, health.GetProperty("sweep").GetProperty("lagSeconds").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, health.GetProperty("sweep").GetProperty("oldestPendingDue").ValueKind);
    }

    /// <summary>The value a gauge of this host's monitor reports for one combination of tags, read as an exporter reads it.</summary>
    private static long Gauge(OperationsMonitor monitor, string name, params (string Key, string Value)[] tags)
    {
        long? value = null;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter == monitor.Meter && instrument.Name == name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((_, measurement, measured, _) =>
        {
            var all = measured.ToArray();
            if (tags.All(t => all.Any(m => m.Key == t.Key && (string?)m.Value == t.Value)))
            {
                value = (value ?? 0) + measurement;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? 0;
    }
}
