using System.Text.RegularExpressions;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;
using SafetyCert.Domain.Tests.Workflows;
using SafetyCert.Domain.Workflows;
using SafetyCert.Domain.Workflows.Certificates;
using SafetyCert.Functions.Notifications;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Host.Tests.Notifications;

/// <summary>
/// What a person reads: the Chinese part in Chinese (grounds, reasons, roles, parties, citations), the English part in
/// English, the regulation cited by title and article, and each recipient role's own next step.
/// </summary>
public sealed partial class NoticeLanguageTests
{
    private const string NingxiaTitle = "《宁夏回族自治区企业安全生产标准化评审工作管理办法（试行）》";
    private const string NationalTitle = "《国家安全监管总局关于进一步规范非煤矿山安全生产标准化工作的通知》（安监总管一〔2017〕33号）";
    private static readonly NoticeRenderer Renderer = NotificationHarness.NewRenderer();

    public static TheoryData<string> Paths => [.. NoticePaths.Names];

    [Theory]
    [MemberData(nameof(Paths))]
    public void The_Chinese_part_of_every_notice_shows_no_English_codes_or_internal_references(string path)
    {
        Assert.All(NoticePaths.Notices(path), notice =>
        {
            var (chinese, _) = Parts(notice);
            // What stays as it is: the certificate numbers (宁AQBⅡ…) and text a person typed (reasons).
            foreach (var kept in new[] { "certificateNumber", "newCertificateNumber", "reason", "reasons" }.Select(notice.Facts.GetValueOrDefault).OfType<string>().Where(v => v.Length > 0))
            {
                chinese = chinese.Replace(kept, "", StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(LatinWord(), chinese);
            Assert.DoesNotContain("RULES.md", chinese, StringComparison.Ordinal);
        });
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_notice_cites_a_regulation_by_title_and_gives_its_recipient_a_next_step_in_both_languages(string path)
    {
        Assert.All(NoticePaths.Notices(path), notice =>
        {
            var (chinese, english) = Parts(notice);
            Assert.Matches(@"依据：《[^》]+》", chinese);
            Assert.Matches(@"Rule: 《[^》]+》", english);
            Assert.DoesNotContain("RULES.md", english, StringComparison.Ordinal);
            Assert.Matches(@"下一步：\S", chinese);
            Assert.Matches(@"Next step: \S", english);
        });
    }

    // RULES.md §7 [000 §3(4)]: the automatic revocation after a fatal accident says what happened, in each language.
    [Fact]
    public void An_automatic_revocation_states_the_accident_and_the_ground_in_Chinese_and_in_English()
    {
        var notice = NoticePaths.Notices("revocation started by the certificate").First(n => n.Kind == NoticeKinds.CertificateRevoked && n.Recipient == Party.Enterprise);

        var (chinese, english) = Parts(notice);

        Assert.Contains("原因：2026年8月20日发生生产安全事故，死亡2人，达到二级企业撤销标准（死亡2人及以上）。", chinese, StringComparison.Ordinal);
        Assert.Contains("撤销依据：证书有效期内发生生产安全死亡事故", chinese, StringComparison.Ordinal);
        Assert.Contains("Reason: an accident on 20 August 2026 with 2 death(s), at or above the threshold of 2 for level 2.", english, StringComparison.Ordinal);
        Assert.Contains("Grounds: a fatal accident during the certificate's validity", english, StringComparison.Ordinal);
        Assert.Contains("《国家安全监管总局关于进一步规范非煤矿山安全生产标准化工作的通知》（安监总管一〔2017〕33号）第三部分第（四）项", chinese, StringComparison.Ordinal);
    }

    // RULES.md §7: a national certificate is revoked under the national notice [000 §3(4)]; the one-year ban is Ningxia's
    // article applied by convention. Each regulation is cited once, the marker on the one applied by convention.
    [Fact]
    public void A_revoked_national_certificate_cites_each_regulation_once_with_the_convention_on_its_own_source()
    {
        var revoked = NoticePaths.Notices("revocation started by the certificate").Where(n => n.Kind == NoticeKinds.CertificateRevoked && n.Recipient != Party.ReviewOrganization).ToList();

        Assert.Equal(2, revoked.Count);
        Assert.All(revoked, notice =>
        {
            var (chinese, english) = Parts(notice);
            var cited = chinese.Split('\n').Single(line => line.StartsWith("依据：", StringComparison.Ordinal));
            Assert.Equal("依据：" + NingxiaTitle + "第二十一条（本系统参照执行）；" + NationalTitle + "第三部分第（四）项", cited);
            Assert.Contains("article 21 (applied by convention); " + NationalTitle + " part 3, item (4)", english, StringComparison.Ordinal);
        });
    }

    // RULES.md §7 [000 §3(4)]: the enterprise hands certificate and plaque back, the organization collects them.
    [Fact]
    public void Each_copy_of_the_revocation_and_the_recall_reminder_tells_its_own_role_what_to_do()
    {
        var notices = NoticePaths.Notices("revocation started by the certificate");
        string Step(string kind, Party to) => NextStep(notices.First(n => n.Kind == kind && n.Recipient == to));

        Assert.Contains("交回评审组织单位", Step(NoticeKinds.CertificateRevoked, Party.Enterprise), StringComparison.Ordinal);
        var organization = Step(NoticeKinds.CertificateRevoked, Party.ReviewOrganization);
        Assert.Contains("收回", organization, StringComparison.Ordinal);
        Assert.DoesNotContain("重新申请", organization, StringComparison.Ordinal);
        Assert.DoesNotContain("请将证书和牌匾交回", organization, StringComparison.Ordinal);
        Assert.DoesNotContain("交回", Step(NoticeKinds.CertificateRevoked, Party.Regulator), StringComparison.Ordinal);
        var recall = Step(NoticeKinds.RecallReminder, Party.ReviewOrganization);
        Assert.DoesNotContain("交回评审组织单位", recall, StringComparison.Ordinal);
        Assert.Contains("督促企业交回", recall, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_copy_of_a_cancelled_grade_and_of_a_received_application_tells_its_own_role_what_to_do()
    {
        var cancelled = NoticePaths.Notices("remediation from the review follows the certificate, missed: grade cancelled").Where(n => n.Kind == NoticeKinds.CertificateCancelled).ToList();
        Assert.Equal(3, cancelled.Count);
        Assert.Equal(3, cancelled.Select(NextStep).Distinct().Count());
        Assert.DoesNotContain("重新申请", NextStep(cancelled.Single(n => n.Recipient == Party.ReviewOrganization)), StringComparison.Ordinal);

        var received = NoticePaths.Notices("application rejected").Where(n => n.Kind == NoticeKinds.ApplicationReceived).ToList();
        Assert.Contains("完成材料审查", NextStep(received.Single(n => n.Recipient == Party.ReviewOrganization)), StringComparison.Ordinal);
        Assert.DoesNotContain("等待", NextStep(received.Single(n => n.Recipient == Party.ReviewOrganization)), StringComparison.Ordinal);
        Assert.Contains("等待材料审查结果", NextStep(received.Single(n => n.Recipient == Party.Enterprise)), StringComparison.Ordinal);
    }

    // Citations name the regulation and its article, from the source documents the profiles cite.
    [Theory]
    [InlineData("RULES.md §6 [001 art.17(1)]", NingxiaTitle + "第十七条第（一）项", "article 17, item (1)")]
    [InlineData("RULES.md §7 [001 art.21]", NingxiaTitle + "第二十一条", "article 21")]
    [InlineData("RULES.md §6 [000 §3(4)], [002 §2(3)]", "《国家安全监管总局关于进一步规范非煤矿山安全生产标准化工作的通知》（安监总管一〔2017〕33号）第三部分第（四）项；《绵阳市应急管理局关于进一步加强非煤矿山和工贸企业安全生产标准化工作的通知》（绵应急函〔2020〕42号）第二部分第（三）项", "part 3, item (4)")]
    [InlineData("RULES.md §4.10 [convention: 004 §4, within 12 months of issue]", "《北京市安全生产监督管理局关于进一步加强企业安全生产标准化质量建设的意见》第四部分（本系统参照执行）", "part 4 (applied by convention)")]
    [InlineData("RULES.md §7 [convention: 001 art.21]", NingxiaTitle + "第二十一条（本系统参照执行）", "article 21 (applied by convention)")]
    [InlineData("RULES.md §6 [001 art.16]", NingxiaTitle + "第十六条", "article 16")]
    [InlineData("RULES.md §9 [004 §8, §9]", "《北京市安全生产监督管理局关于进一步加强企业安全生产标准化质量建设的意见》第八部分、第九部分", "part 8, part 9")]
    [InlineData("RULES.md §2 [convention: 001 art.3 (year-end report), applied nationwide]", NingxiaTitle + "第三条（本系统参照执行）", "article 3 (applied by convention)")]
    [InlineData("RULES.md §7 [001 art.21]; RULES.md §7(3) [001 art.21(3)]", NingxiaTitle + "第二十一条", "article 21")]
    [InlineData("RULES.md §7(1) [001 art.21(1)]; RULES.md §7(3) [001 art.21(3)]", NingxiaTitle + "第二十一条第（一）项、第（三）项", "article 21, item (1), item (3)")]
    [InlineData("RULES.md §7 [convention: 001 art.21]; RULES.md §7(3) [000 §3(4)]", NingxiaTitle + "第二十一条（本系统参照执行）；" + NationalTitle + "第三部分第（四）项", "article 21 (applied by convention); 《")]
    public void A_rule_is_cited_by_the_title_and_article_of_its_regulation(string rule, string chinese, string english)
    {
        var (zh, en) = Renderer.Cite(rule);

        Assert.Equal(chinese, zh);
        Assert.Contains(english, en, StringComparison.Ordinal);
        Assert.DoesNotContain("RULES.md", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_source_the_embedded_profiles_cite_is_a_known_regulation()
    {
        var cited = ProfileCatalog.Embedded.Profiles
            .SelectMany(p => typeof(JurisdictionProfile).GetProperties().Select(property => property.GetValue(p)))
            .Select(value => value?.GetType().GetProperty("Source")?.GetValue(value) as string)
            .OfType<string>()
            .SelectMany(source => SeedId().Matches(source).Select(m => m.Value))
            .Distinct();

        Assert.All(cited, id => Assert.NotNull(SourceDocuments.Embedded.Find(id)));
    }

    // The digest names notice kinds, parties, channels and states as people say them, not by codes and scope keys.
    [Fact]
    public void The_digest_lists_yesterday_in_words_not_codes()
    {
        var recall = new Delivery
        {
            Id = "d-1", WorkflowKind = WorkflowKinds.Revocation, InstanceId = "c-1", Sequence = 3, NoticeKind = NoticeKinds.RecallReminder,
            DueDate = "2026-12-01", Class = NoticeClass.Routine, Rule = "RULES.md §7 convention [000 §3(4)]", Recipient = Party.ReviewOrganization,
            Scope = "review-organization:510700:municipal", Channel = ChannelKind.Email, ContactId = "01-email",
            Facts = new Dictionary<string, string> { ["regionCode"] = "510703", ["grade"] = "Level3", ["enterpriseName"] = "绵阳某某矿业" },
            Subject = "s", Body = "b", Status = DeliveryStatus.Sent, CreatedAt = DateTimeOffset.UnixEpoch, NextAttemptAt = DateTimeOffset.UnixEpoch,
        };

        var digest = SafetyCert.Functions.Notifications.Digest.DigestBuilder.Build(Renderer, "regulator:510700:municipal", new LocalDate(2026, 12, 2), 30, [], [recall]);
        var chinese = digest.Body.Split("————————")[0];

        Assert.Contains("证书和牌匾尚未交回 → 绵阳市评审组织单位（市级）（电子邮件，已送达）", chinese, StringComparison.Ordinal);
        Assert.Contains("每日摘要（绵阳市应急管理（安全监管）部门（市级））", chinese, StringComparison.Ordinal);
        Assert.DoesNotMatch(LatinWord(), chinese);
        Assert.Contains("Certificate and plaque not yet back → review organization of Mianyang (municipal) (e-mail, sent)", digest.Body, StringComparison.Ordinal);
    }

    // RULES.md §5: the enterprise learns the number of the certificate that replaces its old one.
    [Fact]
    public void A_superseded_certificate_notice_names_the_new_certificate_number()
    {
        var renewed = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));
        var issued = renewed.Send(
            new CertificateIssued("FJ-C-2027-0009", "闽AQBⅢ2027000009", "FJ-E-0044", "350102", Grade.Level3, TestProfiles.NationalId, new LocalDate(2027, 4, 1), new LocalDate(2030, 3, 31), LicenceRequired: false, Supersedes: "FJ-C-2024-0002"),
            new LocalDate(2027, 4, 1));
        var signal = Assert.Single(issued.Effects.OfType<SignalWorkflow>(), s => s.Event is CertificateSuperseded);
        var old = new WorkflowDriver<CertificateState>(new CertificateWorkflow(WorkflowDriver<CertificateState>.Calendar, TestProfiles.Catalog));
        old.Send(new CertificateIssued("FJ-C-2024-0002", "闽AQBⅢ2024000002", "FJ-E-0044", "350102", Grade.Level3, TestProfiles.NationalId, new LocalDate(2024, 5, 6), new LocalDate(2027, 5, 5), LicenceRequired: false), new LocalDate(2024, 5, 6));

        var superseded = old.Send(signal.Event, new LocalDate(2027, 4, 1));

        var notice = Assert.Single(superseded.Effects.OfType<Notify>());
        Assert.Equal("闽AQBⅢ2027000009", notice.Facts["newCertificateNumber"]);
        Assert.Contains("被新证书闽AQBⅢ2027000009替代", Parts(notice).Chinese, StringComparison.Ordinal);
    }

    private static (string Chinese, string English) Parts(Notify notice)
    {
        var (_, body) = Renderer.Render(notice, ContactPreferences.Default);
        var parts = body.Split("————————", 2);
        return (parts[0], parts[1]);
    }

    private static string NextStep(Notify notice) =>
        Parts(notice).Chinese.Split('\n').Single(line => line.StartsWith("下一步：", StringComparison.Ordinal));

    [GeneratedRegex("[A-Za-z]{2,}")]
    private static partial Regex LatinWord();

    [GeneratedRegex(@"\b\d{3}\b")]
    private static partial Regex SeedId();
}
