using NodaTime;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>A notice that can never be delivered is dropped by the outbox instead of failing the workflow's effects.</summary>
public sealed class UndeliverableNoticeTests(LocalServices services)
{
    [Fact]
    public async Task A_notice_to_a_review_unit_without_its_id_records_and_queues_nothing()
    {
        await using var harness = new NotificationHarness(services);
        var notice = NotificationHarness.Notice(NoticeKinds.FollowUpVisitDue, NoticeClass.Routine, new LocalDate(2026, 3, 10), Party.ReviewUnit);

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), TestContext.Current.CancellationToken);

        Assert.Empty(await harness.AllDeliveriesAsync());
        Assert.Equal(0, await harness.QueuedMessagesAsync());
    }

    [Fact]
    public async Task A_notice_of_a_kind_without_a_template_records_and_queues_nothing()
    {
        await using var harness = new NotificationHarness(services);
        var notice = NotificationHarness.Notice("no-such-kind", NoticeClass.Mandatory, new LocalDate(2026, 3, 10));

        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(notice), TestContext.Current.CancellationToken);

        Assert.Empty(await harness.AllDeliveriesAsync());
        Assert.Equal(0, await harness.QueuedMessagesAsync());
    }
}
