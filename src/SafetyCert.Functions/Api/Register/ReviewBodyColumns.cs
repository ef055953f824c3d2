using System.Collections.Frozen;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Register;

/// <summary>
/// The columns of the review-body sheets as regulators head them: one sheet of review organizations (评审组织单位) and
/// one of review units (评审单位). A file's header row says which sheet it is.
/// </summary>
internal static class ReviewBodyColumns
{
    public const string OrganizationId = "评审组织单位编号";
    public const string OrganizationName = "评审组织单位名称";
    public const string RegionCode = RegisterColumns.RegionCode;
    public const string Level = "层级";

    public const string UnitId = "评审单位编号";
    public const string UnitName = "评审单位名称";
    public const string Grades = "评审等级";
    public const string Industries = "评审行业";
    public const string AccreditedThrough = "认可有效期至";

    public static IReadOnlyList<string> Organization { get; } = [OrganizationId, OrganizationName, RegionCode, Level];

    public static IReadOnlyList<string> Unit { get; } = [UnitId, UnitName, OrganizationId, Grades, Industries, AccreditedThrough];

    public static FrozenDictionary<string, RegulatorLevel> Levels { get; } = new Dictionary<string, RegulatorLevel>
    {
        ["国家级"] = RegulatorLevel.National,
        ["省级"] = RegulatorLevel.Provincial,
        ["市级"] = RegulatorLevel.Municipal,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Separators between the items of a list cell (评审等级, 评审行业), as spreadsheets are written.</summary>
    public static readonly char[] ListSeparators = ['、', ',', '，', ';', '；', ' '];

    public static string LevelLabel(RegulatorLevel level) => Levels.First(l => l.Value == level).Key;
}
