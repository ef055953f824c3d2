using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using SafetyCert.Domain.Calendar;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Workflows;
using SafetyCert.Host.Cli;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Workflows;

/// <summary>
/// A deployment of changed rules meets instances that wait under the old ones: the orchestration runs nothing but the wait
/// before it awaits, so a waiting instance takes its next event under the new decider, on the same task hub.
/// </summary>
public sealed class VersioningTests(AzuriteFixture azurite)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instances_waiting_under_one_decider_continue_under_a_changed_one()
    {
        var prefix = AzuriteFixture.NewPrefix();
        var today = new LocalDate(2026, 12, 1);
        var ids = Enumerable.Range(0, 5).Select(i => $"v-{i}").ToList();
        await using (var first = await StartAsync(prefix, changed: false))
        {
            var workflows = Client(first);
            foreach (var id in ids)
            {
                var issued = new CertificateIssued(id, "宁AQBⅡ2026000001", "e-1", "640104", Grade.Level2, "ningxia-2017", today, today.PlusYears(3).PlusDays(-1), LicenceRequired: true);
                Assert.Equal(Outcome.Applied, (await workflows.StartAsync(WorkflowKinds.Certificate, id, issued, $"issue-{id}", "test", Ct)).Outcome);
            }

            await first.StopAsync(Ct);
        }

        await using var second = await StartAsync(prefix, changed: true);
        var changed = Client(second);
        foreach (var id in ids)
        {
            // The changed rule: a licence lapse is refused under the new version...
            var lapse = await changed.ApplyAsync(WorkflowKinds.Certificate, id, new LicenceLapsed(today.PlusDays(10)), $"lapse-{id}", "test", Ct);
            Assert.Equal(Outcome.Rejected, lapse.Outcome);
            Assert.Equal(ChangedCertificateWorkflow.Refusal, lapse.Reason);

            // ...and everything else is decided as before, on the state the old version left.
            var renewed = await changed.ApplyAsync(WorkflowKinds.Certificate, id, new LicenceRenewed(today.PlusDays(11), today.PlusYears(5)), $"renew-{id}", "test", Ct);
            Assert.Equal(Outcome.Applied, renewed.Outcome);
            var history = await changed.GetHistoryAsync(WorkflowKinds.Certificate, id, cancellationToken: Ct);
            // The refused lapse wrote nothing.
            Assert.Equal([$"issue-{id}", $"renew-{id}"], history.Entries.Select(e => e.EventId));
            var durable = await second.Services.GetRequiredService<DurableTaskClient>().GetInstanceAsync(WorkflowSet.DurableId(WorkflowKinds.Certificate, id), Ct);
            Assert.Equal(OrchestrationRuntimeStatus.Running, durable?.RuntimeStatus);
        }
    }

    private static WorkflowClient Client(WebApplication app) =>
        app.Services.GetRequiredService<WorkflowClients>().For(app.Services.GetRequiredService<DurableTaskClient>());

    private async Task<WebApplication> StartAsync(string prefix, bool changed)
    {
        var app = ServeCommand.Build(
            [$"--Storage:ConnectionString={azurite.ConnectionString}", $"--Storage:Prefix={prefix}", "--Jwt:SigningKey=versioning-tests-signing-key-of-32-chars", "--Notifications:Smtp:Port=2525"],
            builder =>
            {
                builder.WebHost.UseTestServer();
                if (changed)
                {
                    var catalog = WorkflowCatalog.Create(WorkingDayCalendar.China, ProfileCatalog.Embedded);
                    var certificate = (CertificateWorkflow)catalog[WorkflowKinds.Certificate];
                    builder.Services.Replace(ServiceDescriptor.Singleton(new WorkflowSet(
                        catalog.Values.Where(w => w.Kind != WorkflowKinds.Certificate).Append(new ChangedCertificateWorkflow(certificate)))));
                }
            });
        await app.StartAsync(Ct);
        return app;
    }
}
