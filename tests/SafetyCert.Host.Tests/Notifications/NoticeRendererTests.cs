using System.Reflection;
using Fluid;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Contacts;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class NoticeRendererTests
{
    private static readonly NoticeRenderer Renderer = NotificationHarness.NewRenderer();

    public static TheoryData<string> EveryKind => [.. typeof(NoticeKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)];

    [Fact]
    public void There_is_a_template_for_every_notice_kind_and_no_other()
    {
        Assert.Equal(EveryKind.Select(k => k.Data).Order(StringComparer.Ordinal), Renderer.Kinds.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void Every_kind_renders_Chinese_first_with_certificate_number_Chinese_date_rule_and_next_step(string kind)
    {
        var notice = NotificationHarness.Notice(kind, NoticeClass.Mandatory, new LocalDate(2027, 3, 14), facts:
        [
            ("certificateNumber", "宁AQBXW2026000001"),
            ("enterpriseName", "宁夏某某矿业有限公司"),
            ("reason", "理由"),
            ("reviewUnitId", "u-7"),
            ("year", "2026"),
            ("newCertificateNumber", "宁AQBⅡ2027000003"),
        ]);

        var (subject, body) = Renderer.Render(notice, ContactPreferences.Default);

        Assert.StartsWith("【安全生产标准化】", subject, StringComparison.Ordinal);
        Assert.Contains(" | [SafetyCert] ", subject, StringComparison.Ordinal);
        Assert.Contains("证书编号：宁AQBXW2026000001", body, StringComparison.Ordinal);
        Assert.Contains("Certificate number: 宁AQBXW2026000001", body, StringComparison.Ordinal);
        Assert.Contains("2027年3月14日", body, StringComparison.Ordinal);
        Assert.Contains("14 March 2027", body, StringComparison.Ordinal);
        Assert.Contains("依据：《绵阳市应急管理局关于进一步加强非煤矿山和工贸企业安全生产标准化工作的通知》（绵应急函〔2020〕42号）第二部分第（三）项", body, StringComparison.Ordinal);
        Assert.Contains("宁夏某某矿业有限公司", subject, StringComparison.Ordinal);
        Assert.True(body.IndexOf("下一步：", StringComparison.Ordinal) is var zh && zh > 0 && zh < body.IndexOf("Next step: ", StringComparison.Ordinal), "Chinese comes first.");
        Assert.DoesNotContain("{{", body, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", body, StringComparison.Ordinal);
    }

    // RULES.md §7 [001 art.21], [000 §3(4)]: the revocation notice says why, what must come back, and when the ban ends.
    [Fact]
    public void Revocation_notice_shows_grounds_recall_and_the_day_the_ban_ends()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateRevoked, NoticeClass.Mandatory, new LocalDate(2026, 8, 20), facts:
        [
            ("grounds", "FatalAccident"),
            ("recall", "certificate,plaque"),
            ("banEndsOn", "2027-08-20"),
        ]);

        var (_, body) = Renderer.Render(notice, ContactPreferences.Default);

        Assert.Contains("撤销依据：证书有效期内发生生产安全死亡事故", body, StringComparison.Ordinal);
        Assert.Contains("交回要求：证书和牌匾须交回评审组织单位。", body, StringComparison.Ordinal);
        Assert.Contains("自2027年8月20日起方可重新申请", body, StringComparison.Ordinal);
        Assert.Contains("Grounds: a fatal accident during the certificate's validity", body, StringComparison.Ordinal);
        Assert.Contains("Recall: the certificate and plaque go back to the review organization.", body, StringComparison.Ordinal);
        Assert.Contains("New application: allowed from 20 August 2027.", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_certificate_number_no_certificate_line_is_shown()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.ApplicationReceived, NoticeClass.Informational, new LocalDate(2026, 3, 24));

        var (_, body) = Renderer.Render(notice, ContactPreferences.Default);

        Assert.DoesNotContain("证书编号", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Certificate number", body, StringComparison.Ordinal);
    }

    [Fact]
    public void English_preference_puts_English_first()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.RenewalWindowOpen, NoticeClass.Routine, new LocalDate(2027, 3, 14));

        var (subject, body) = Renderer.Render(notice, ContactPreferences.Default with { Language = ContactPreferences.English });

        Assert.StartsWith("[SafetyCert] Renewal window open", subject, StringComparison.Ordinal);
        Assert.True(body.IndexOf("Next step", StringComparison.Ordinal) < body.IndexOf("下一步", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2027, 3, 14, "2027年3月14日")]
    [InlineData(2026, 12, 1, "2026年12月1日")]
    [InlineData(2024, 2, 29, "2024年2月29日")]
    public void Chinese_dates_have_no_leading_zeros(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, NoticeRenderer.ChineseDate(new LocalDate(year, month, day)));
    }

    [Theory]
    [InlineData("{% if rule %}open", "is not valid Liquid")]
    [InlineData("{{ rule | upcsae }}", "the filter 'upcsae'")]
    [InlineData("{% if facts.a %}{{ facts.a | cn_dat }}{% endif %}", "the filter 'cn_dat'")]
    public void Templates_that_do_not_parse_or_name_an_unknown_filter_are_rejected_by_name(string source, string complaint)
    {
        var options = new TemplateOptions();
        options.Filters.AddFilter("cn_date", (input, _, _) => input);

        var error = Assert.Throws<InvalidOperationException>(() => NoticeTemplate.Parse("broken.liquid", source, options));

        Assert.Contains("broken.liquid", error.Message, StringComparison.Ordinal);
        Assert.Contains(complaint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Facts_are_shown_as_written_without_HTML_encoding_and_an_empty_fact_reads_as_absent()
    {
        var notice = NotificationHarness.Notice(NoticeKinds.CertificateRevoked, NoticeClass.Mandatory, new LocalDate(2026, 8, 20), facts:
        [
            ("reason", "A&B <安全> \"台账\""),
            ("enterpriseName", ""),
        ]);

        var (subject, body) = Renderer.Render(notice, ContactPreferences.Default);

        Assert.Contains("原因：A&B <安全> \"台账\"。", body, StringComparison.Ordinal);
        Assert.StartsWith("【安全生产标准化】证书已撤销 | ", subject, StringComparison.Ordinal);
    }
}
