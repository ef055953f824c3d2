using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Functions.Notifications.Digest;
using SafetyCert.Host.Tests.Api;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>The digest's deadlines come from the workflows themselves: what is due soon and what is overdue.</summary>
public sealed class DeadlineFeedTests(AzuriteFixture azurite)
{
    // RULES.md §4.1 [000 §3(2)1]: submitted Monday 2026-03-02, the material review is due 2026-03-16; on 03-20 it is overdue.
    [Fact]
    public async Task An_overdue_material_review_is_listed_as_overdue_in_the_digest_of_the_organization_of_its_region()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = await ApiHost.StartAsync(azurite, Instant.FromUtc(2026, 3, 2, 1, 0));
        await ApiSteps.RegisterAsync(host);
        await ApiSteps.SelfAssessAsync(host);
        var submitted = await host.PostAsync("/api/applications", ApiHost.Enterprise(ApiSteps.EnterpriseId), ApiSteps.Submission());
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        var today = new LocalDate(2026, 3, 20);
        var feed = ActivatorUtilities.CreateInstance<WorkflowDeadlineFeed>(host.App.Services);

        var open = new List<DigestDeadline>();
        await foreach (var deadline in feed.OpenAsync(today.PlusDays(30), ct))
        {
            open.Add(deadline);
        }

        var review = Assert.Single(open, d => d.Name == "material-review");
        Assert.Equal((ApiSteps.EnterpriseId, new LocalDate(2026, 3, 16)), (review.EnterpriseId, review.Due));
        const string organization = "review-organization:640100:municipal";
        var digest = DigestBuilder.Build(NotificationHarness.NewRenderer(), organization, today, 30, open.Where(d => DigestBuilder.Concerns(organization, d.Facts, null)), []);
        Assert.Contains("已超期（1）：", digest.Body, StringComparison.Ordinal);
        Assert.Contains("定级申请材料审查，应于2026年3月16日完成", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(open, d => DigestBuilder.Concerns("review-organization:350000:provincial", d.Facts, null));
    }
}
