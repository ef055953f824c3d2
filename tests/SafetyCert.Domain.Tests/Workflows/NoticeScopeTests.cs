using System.Reflection;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Domain.Tests.Workflows;

public class NoticeScopeTests
{
    public static TheoryData<string> Paths => [.. NoticePaths.Names];

    // RULES.md §1 [000 §1(4)], [001 art.5]: a regulator or review organization is found by the enterprise's region and grade.
    [Theory]
    [MemberData(nameof(Paths))]
    public void Every_notice_carries_the_facts_that_find_its_recipient(string path)
    {
        var notices = NoticePaths.Notices(path);

        Assert.NotEmpty(notices);
        var lacking = notices
            .Select(n => (Notice: n, Missing: MissingFor(n)))
            .Where(n => n.Missing.Count > 0)
            .Select(n => $"{n.Notice.Kind} to {n.Notice.Recipient} lacks {string.Join(", ", n.Missing)}")
            .Distinct()
            .ToList();
        Assert.True(lacking.Count == 0, string.Join(Environment.NewLine, lacking));
    }

    [Fact]
    public void The_paths_send_every_notice_kind_a_workflow_sends_to_every_party()
    {
        var sent = NoticePaths.All().Select(n => n.Kind).ToHashSet(StringComparer.Ordinal);
        var kinds = typeof(NoticeKinds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!);

        // Spot checks are drawn by the regulator's sampling and the holiday check is a host function: neither is sent by a workflow.
        Assert.Empty(kinds.Except([NoticeKinds.SpotCheckSelected, NoticeKinds.HolidayArrangementMissing]).Except(sent));
        Assert.Equal(
            [Party.Enterprise, Party.ReviewOrganization, Party.ReviewUnit, Party.Regulator],
            NoticePaths.All().Select(n => n.Recipient).Distinct().Order());
    }

    private static List<string> MissingFor(Notify notice)
    {
        var missing = new List<string>();
        switch (notice.Recipient)
        {
            case Party.Enterprise:
                Require(NoticeFactNames.EnterpriseId);
                break;
            case Party.ReviewUnit:
                Require(NoticeFactNames.ReviewUnitId);
                break;
            case Party.Regulator or Party.ReviewOrganization:
                if (!RegionCodes.IsWellFormed(notice.Facts.GetValueOrDefault(NoticeFactNames.RegionCode)))
                {
                    missing.Add(NoticeFactNames.RegionCode);
                }

                if (!Enum.TryParse<Grade>(notice.Facts.GetValueOrDefault(NoticeFactNames.Grade), out var grade) || !Enum.IsDefined(grade))
                {
                    missing.Add(NoticeFactNames.Grade);
                }

                // The tier comes from the domain's Jurisdiction rule, named by the workflow; notifications do not re-derive it.
                if (!Enum.TryParse<RegulatorLevel>(notice.Facts.GetValueOrDefault(NoticeFactNames.RegulatorLevel), out var level) || !Enum.IsDefined(level))
                {
                    missing.Add(NoticeFactNames.RegulatorLevel);
                }

                break;
        }

        return missing;

        void Require(string fact)
        {
            if (string.IsNullOrWhiteSpace(notice.Facts.GetValueOrDefault(fact)))
            {
                missing.Add(fact);
            }
        }
    }
}
