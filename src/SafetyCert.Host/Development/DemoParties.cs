using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Access;

namespace SafetyCert.Host.Development;

/// <summary>
/// The demo's parties a development host hands tokens to: one per role, in the demo's regions. <c>dev</c> prints
/// their tokens and <c>GET /dev/parties</c> lists them for the console's development sign-in page.
/// </summary>
internal static class DemoParties
{
    /// <summary>Development tokens are checked against real time; a long life lets them survive clock jumps in a demo.</summary>
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromDays(400);

    public static IReadOnlyList<(string Label, Caller Caller)> All { get; } =
    [
        ($"{DemoData.Enterprises[0].Name}（企业，{DemoData.Enterprises[0].Id}）", new Caller("demo-enterprise", Party.Enterprise, EnterpriseId: DemoData.Enterprises[0].Id)),
        ("宁夏评审组织单位 nx-review-center（640000）", new Caller("demo-review-organization", Party.ReviewOrganization, BodyId: "nx-review-center", RegionCode: "640000")),
        ("评审单位 demo-review-unit", new Caller("demo-review-unit", Party.ReviewUnit, BodyId: "demo-review-unit")),
        ("宁夏回族自治区应急管理厅（省级，640000）", new Caller("demo-regulator", Party.Regulator, RegionCode: "640000", Level: RegulatorLevel.Provincial)),
        ("系统管理员", new Caller("demo-administrator", Party.Administrator)),
    ];
}
