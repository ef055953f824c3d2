using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Storage;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>A notice names the enterprise it is about by its registered name, whoever receives it.</summary>
public sealed class EnterpriseNameTests(LocalServices services)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_review_organizations_copy_names_the_enterprise_the_workflow_knows_only_by_its_credit_code()
    {
        await using var harness = new NotificationHarness(services);
        var registry = new EnterpriseRegistry(harness.Provider.GetRequiredService<StorageAccount>());
        await registry.AddAsync(new Enterprise("e-1001", "福州示例纺织有限公司", "350102", "textile", false, null, null), Ct);
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(harness.Provider, registry);
        var notice = NotificationHarness.Notice(
            NoticeKinds.ApplicationReceived, NoticeClass.Mandatory, new LocalDate(2026, 3, 24), Party.ReviewOrganization,
            ("regionCode", "350102"), ("grade", "Level3"), ("regulatorLevel", "Municipal"));
        var mailbox = harness.Mailbox("review");
        await harness.Contacts.SaveAsync(RecipientScope.Of(notice), Contact.Email(1, mailbox), Ct);
        await outbox.EnqueueAsync(NotificationHarness.Request(notice), Ct);
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        var delivery = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.Equal("福州示例纺织有限公司", delivery.Facts[NoticeFactNames.EnterpriseName]);
        var mail = Assert.Single(await harness.MailForAsync(mailbox, 1));
        Assert.Equal("【安全生产标准化】定级申请已受理：福州示例纺织有限公司 | [SafetyCert] Grading application received: 福州示例纺织有限公司", mail.GetProperty("subject").GetString());
        Assert.DoesNotContain("e-1001", mail.GetProperty("text").GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_notice_about_an_enterprise_not_in_the_registry_goes_out_without_a_name()
    {
        await using var harness = new NotificationHarness(services);
        var registry = new EnterpriseRegistry(harness.Provider.GetRequiredService<StorageAccount>());
        var outbox = ActivatorUtilities.CreateInstance<NotificationOutbox>(harness.Provider, registry);

        await outbox.EnqueueAsync(NotificationHarness.Request(NotificationHarness.Notice(NoticeKinds.CertificateExpired, NoticeClass.Mandatory, new LocalDate(2027, 3, 15))), Ct);

        var delivery = Assert.Single(await harness.AllDeliveriesAsync());
        Assert.False(delivery.Facts.ContainsKey(NoticeFactNames.EnterpriseName));
        Assert.StartsWith("【安全生产标准化】证书已过期失效 |", delivery.Subject, StringComparison.Ordinal);
    }
}
