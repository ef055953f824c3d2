using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Contacts;
using SafetyCert.Functions.Notifications.Digest;
using SafetyCert.Functions.Notifications.Ledger;

using SafetyCert.Functions.Api.Enterprises;
using SafetyCert.Functions.Storage;
using SafetyCert.Host.Tests.Support;

namespace SafetyCert.Host.Tests.Notifications;

public sealed class DigestTests(LocalServices services)
{
    private static readonly LocalDate Today = new(2026, 3, 10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // RULES.md §1 [000 §1(4)], [001 art.5]: a regional tier oversees the regions below its code; a named organization its own notices.
    [Theory]
    [InlineData("review-organization:640000:provincial", "640104", true)]
    [InlineData("review-organization:640100:municipal", "640104", true)]
    [InlineData("review-organization:640100:municipal", "640205", false)]
    [InlineData("review-organization:000000:national", "510703", true)]
    [InlineData("regulator:350000:provincial", "640104", false)]
    [InlineData("review-organization:o-3", "640104", false)]
    [InlineData("regulator:110000:municipal", "110105", true)] // Beijing's municipal tier is the city itself
    [InlineData("review-organization:310000:municipal", "310115", true)]
    [InlineData("regulator:110000:municipal", "120101", false)]
    public void Digest_concerns_the_notices_of_the_regions_a_tier_oversees(string scope, string region, bool expected)
    {
        var delivery = new Delivery
        {
            Id = "d-1", WorkflowKind = WorkflowKinds.Certificate, InstanceId = "cert-1", Sequence = 1, NoticeKind = NoticeKinds.CertificateRevoked,
            DueDate = "2026-03-09", Class = NoticeClass.Mandatory, Rule = "RULES.md §7", Recipient = Party.Regulator, Scope = "regulator:640000:provincial",
            Channel = ChannelKind.Email, ContactId = "c-1", Facts = new Dictionary<string, string> { ["regionCode"] = region, ["grade"] = "Level2" },
            Subject = "s", Body = "b", Status = DeliveryStatus.Sent, CreatedAt = DateTimeOffset.UnixEpoch, NextAttemptAt = DateTimeOffset.UnixEpoch,
        };

        Assert.Equal(expected, DigestBuilder.Concerns(scope, delivery));
    }

    // A deadline that names its tier concerns the body its notices go to, and no other tier over the same region.
    [Theory]
    [InlineData("review-organization:350100:municipal", "Municipal", true)]
    [InlineData("review-organization:350000:provincial", "Municipal", false)]
    [InlineData("review-organization:000000:national", "Municipal", false)]
    [InlineData("regulator:350000:provincial", "Provincial", true)]
    [InlineData("regulator:350100:municipal", "Provincial", false)]
    [InlineData("regulator:000000:national", "National", true)]
    [InlineData("review-organization:110000:municipal", "Municipal", false)] // another region altogether
    public void Digest_lists_a_deadline_only_for_the_tier_its_notices_go_to(string scope, string level, bool expected)
    {
        var facts = new Dictionary<string, string> { ["regionCode"] = "350102", ["grade"] = "Level3", ["regulatorLevel"] = level };

        Assert.Equal(expected, DigestBuilder.Concerns(scope, facts, null));
    }

    // The 08:00 run: a run that catches up late reports for the latest morning that has passed.
    [Theory]
    [InlineData("2026-12-08T08:00:00+08:00", "2026-12-08")]
    [InlineData("2026-12-08T10:30:00+08:00", "2026-12-08")]
    [InlineData("2026-12-08T01:27:00+08:00", "2026-12-07")] // a development clock jumped from 12-03 to before 08:00 on 12-08
    [InlineData("2027-01-01T07:59:59+08:00", "2026-12-31")]
    public void A_digest_run_is_for_the_latest_morning_at_or_before_it(string at, string day)
    {
        var now = Instant.FromDateTimeOffset(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(LocalDate.FromDateTime(DateTime.Parse(day, System.Globalization.CultureInfo.InvariantCulture)), DailyDigestFunction.MorningOf(now));
    }

    [Fact]
    public void Builder_splits_overdue_from_due_within_30_days_and_leaves_out_later_ones()
    {
        DigestDeadline[] deadlines =
        [
            new("e-1", "甲公司", "material-review", Today.PlusDays(-1), "RULES.md §4.1 [000 §3(2)1]"),
            new("e-2", null, "renewal", Today.PlusDays(30), "RULES.md §6", "宁AQBⅡ2024000012"),
            new("e-3", null, "review", Today, "RULES.md §4.3"),
            new("e-4", null, "review", Today.PlusDays(31), "RULES.md §4.3"),
        ];

        var digest = DigestBuilder.Build(NotificationHarness.NewRenderer(), "regulator:640000:provincial", Today, 30, deadlines, []);

        Assert.Equal(["e-1"], digest.Overdue.Select(d => d.EnterpriseId));
        Assert.Equal(["e-3", "e-2"], digest.DueSoon.Select(d => d.EnterpriseId));
        Assert.StartsWith("2026年3月10日每日摘要", digest.Body, StringComparison.Ordinal);
        Assert.Contains("- 甲公司；定级申请材料审查，应于2026年3月9日完成", digest.Body, StringComparison.Ordinal);
        Assert.Contains("证书编号 宁AQBⅡ2024000012", digest.Body, StringComparison.Ordinal);
        Assert.True(digest.Body.IndexOf("已超期", StringComparison.Ordinal) < digest.Body.IndexOf("Overdue", StringComparison.Ordinal));
        Assert.Contains("超期1项，30天内到期2项", digest.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Builder_lists_at_most_a_hundred_lines_per_section_and_counts_the_rest()
    {
        var deadlines = Enumerable.Range(0, 130).Select(i => new DigestDeadline($"e-{i:D3}", null, "renewal", Today.PlusDays(-1), "RULES.md §6"));

        var digest = DigestBuilder.Build(NotificationHarness.NewRenderer(), "review-organization:o-1", Today, 30, deadlines, []);

        Assert.Equal(130, digest.Overdue.Count);
        Assert.Contains("e-099", digest.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("e-100", digest.Body, StringComparison.Ordinal);
        Assert.Contains("另有30项", digest.Body, StringComparison.Ordinal);
        Assert.Contains("and 30 more", digest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_run_mails_each_regulator_its_region_once_per_day()
    {
        await using var harness = new NotificationHarness(services);
        var ningxia = harness.Mailbox("ningxia");
        var fujian = harness.Mailbox("fujian");
        await harness.Contacts.SaveAsync("regulator:640000:provincial", Contact.Email(1, ningxia), Ct);
        await harness.Contacts.SaveAsync("regulator:350000:provincial", Contact.Email(1, fujian), Ct);
        // Yesterday an objection reached the Ningxia regulator.
        var objection = NotificationHarness.Notice(NoticeKinds.ObjectionRaised, NoticeClass.Mandatory, Today.PlusDays(-1), Party.Regulator, ("regionCode", "640104"), ("grade", "Level2"), ("regulatorLevel", "Provincial"));
        await harness.Outbox.EnqueueAsync(NotificationHarness.Request(objection), Ct);
        harness.Time.Advance(TimeSpan.FromDays(1) - TimeSpan.FromHours(2));
        var function = ActivatorUtilities.CreateInstance<DailyDigestFunction>(harness.Provider, new FixedFeed());

        // 08:00 in Beijing is midnight UTC, the time zone Flex Consumption reads schedules in.
        Assert.Equal(new DateTimeOffset(2027, 1, 2, 0, 0, 0, TimeSpan.Zero), TimerSchedule.NextAfter<DailyDigestFunction>(new DateTimeOffset(2027, 1, 1, 12, 0, 0, TimeSpan.Zero)));
        var first = await function.RunAsync(Ct);
        var second = await function.RunAsync(Ct);
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        Assert.Equal((2, 0), (first, second));
        // Ningxia also received the objection notice itself; the digest is the other message.
        var mail = Assert.Single(await harness.MailForAsync(ningxia, 2), m => m.GetProperty("subject").GetString()!.Contains("每日摘要", StringComparison.Ordinal));
        var text = mail.GetProperty("text").GetString()!;
        Assert.Contains("公示期收到异议", text, StringComparison.Ordinal);
        // The feed names no enterprise and none is registered: the Chinese part says so, without the id.
        var chinese = text[..text.IndexOf("————————", StringComparison.Ordinal)];
        Assert.Contains("名称未登记的企业；证书延期（复评）申请", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("e-640", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("e-350", text, StringComparison.Ordinal);
        var fujianText = Assert.Single(await harness.MailForAsync(fujian, 1)).GetProperty("text").GetString()!;
        Assert.DoesNotContain("公示期收到异议", fujianText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Daily_run_names_an_enterprise_by_its_registered_name_when_the_deadline_carries_none()
    {
        await using var harness = new NotificationHarness(services);
        var ningxia = harness.Mailbox("ningxia");
        await harness.Contacts.SaveAsync("regulator:640000:provincial", Contact.Email(1, ningxia), Ct);
        var registry = new EnterpriseRegistry(harness.Provider.GetRequiredService<StorageAccount>());
        await registry.AddAsync(new Enterprise("e-640", "宁夏银川丙矿业有限公司", "640104", "non-coal-mine", false, null, null), Ct);
        harness.Time.Advance(TimeSpan.FromDays(1));
        var function = ActivatorUtilities.CreateInstance<DailyDigestFunction>(harness.Provider, new FixedFeed(), registry);

        Assert.Equal(1, await function.RunAsync(Ct));
        await harness.Sender.CatchUpAsync(harness.Time.GetUtcNow(), Ct);

        var text = Assert.Single(await harness.MailForAsync(ningxia, 1)).GetProperty("text").GetString()!;
        Assert.Contains("- 宁夏银川丙矿业有限公司；证书延期（复评）申请", text, StringComparison.Ordinal);
        Assert.DoesNotContain("名称未登记", text, StringComparison.Ordinal);
        Assert.DoesNotContain("e-640", text, StringComparison.Ordinal);
    }

    private sealed class FixedFeed : IDeadlineFeed
    {
        public async IAsyncEnumerable<DigestDeadline> OpenAsync(LocalDate until, [EnumeratorCancellation] CancellationToken ct)
        {
            await Task.Yield();
            foreach (var region in new[] { "640104", "350102" })
            {
                yield return new DigestDeadline($"e-{region[..3]}", null, "renewal-application", Today.PlusDays(12), "RULES.md §6 [000 §3(4)]", Facts: new Dictionary<string, string> { ["regionCode"] = region });
            }
        }
    }
}
