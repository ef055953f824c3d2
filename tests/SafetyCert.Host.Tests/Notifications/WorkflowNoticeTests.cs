using SafetyCert.Domain.Tests.Workflows;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>The notices the real workflows send, along the domain's realistic paths, through the notification system.</summary>
public sealed class WorkflowNoticeTests
{
    private static readonly NoticeRenderer Renderer = NotificationHarness.NewRenderer();

    public static TheoryData<string> Paths => [.. NoticePaths.Names];

    // RULES.md §1 [000 §1(4)], [001 art.5]: every recipient resolves to a contact-book scope, regulators and
    // organizations to the tier responsible for the grade.
    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_notice_a_workflow_sends_resolves_to_a_recipient_scope(string path)
    {
        var notices = NoticePaths.Notices(path);

        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.Matches(@"^(enterprise|review-unit):\S+$|^(regulator|review-organization):\d{6}:(national|provincial|municipal)$", RecipientScope.Of(n)));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_notice_a_workflow_sends_renders_with_its_facts(string path)
    {
        Assert.All(NoticePaths.Notices(path), n =>
        {
            var (subject, body) = Renderer.Render(n, ContactPreferences.Default);
            Assert.StartsWith("【安全生产标准化】", subject, StringComparison.Ordinal);
            Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_level2_revocation_goes_to_the_enterprise_and_the_provincial_regulator_and_organization()
    {
        var revoked = NoticePaths.Notices("revocation started by the certificate").Where(n => n.Kind == NoticeKinds.CertificateRevoked);

        Assert.Equal(
            ["enterprise:HE-E-0300", "regulator:130000:provincial", "review-organization:130000:provincial"],
            revoked.Select(RecipientScope.Of).Order(StringComparer.Ordinal));
    }
}
