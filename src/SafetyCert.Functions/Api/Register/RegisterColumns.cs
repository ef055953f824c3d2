using System.Collections.Frozen;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Workflows.Certificates;

namespace SafetyCert.Functions.Api.Register;

/// <summary>The columns of the regulator's ledger (台账) as regulators head them; import reads and export writes the same.</summary>
internal static class RegisterColumns
{
    public const string CreditCode = "统一社会信用代码";
    public const string Name = "企业名称";
    public const string Number = "证书编号";
    public const string Grade = "等级";
    public const string Industry = "行业";
    public const string RegionCode = "行政区划代码";
    public const string IssuingBody = "发证机关";
    public const string IssuedOn = "发证日期";
    public const string LastValidDay = "有效期至";
    public const string Status = "状态";

    public const string Valid = "有效";
    public const string Expired = "过期";
    public const string Suspended = "暂扣";
    public const string Revoked = "撤销";
    public const string Superseded = "已换证";
    public const string Cancelled = "已取消";

    /// <summary>
    /// The statuses a certificate reaches through its own steps after issue (suspension, revocation, a new certificate,
    /// a cancelled grade); the dates alone do not give them.
    /// </summary>
    public static FrozenSet<string> RecordedStatuses { get; } = FrozenSet.Create(StringComparer.Ordinal, Suspended, Revoked, Superseded, Cancelled);

    public static IReadOnlyList<string> All { get; } = [CreditCode, Name, Number, Grade, Industry, RegionCode, IssuingBody, IssuedOn, LastValidDay, Status];

    public static FrozenDictionary<string, Grade> Grades { get; } = new Dictionary<string, Grade>
    {
        ["一级"] = Domain.Grading.Grade.Level1,
        ["二级"] = Domain.Grading.Grade.Level2,
        ["三级"] = Domain.Grading.Grade.Level3,
        ["小微"] = Domain.Grading.Grade.SmallMicro,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static FrozenDictionary<string, string> Industries { get; } = new Dictionary<string, string>
    {
        ["非煤矿山"] = Domain.Profiles.Industries.NonCoalMine,
        ["海洋石油天然气开采"] = Domain.Profiles.Industries.OffshoreOilGas,
        ["危险化学品"] = Domain.Profiles.Industries.HazardousChemicals,
        ["烟花爆竹"] = Domain.Profiles.Industries.Fireworks,
        ["化工"] = Domain.Profiles.Industries.Chemicals,
        ["医药"] = Domain.Profiles.Industries.Pharmaceuticals,
        ["工贸"] = Domain.Profiles.Industries.IndustryTrade,
        ["冶金"] = Domain.Profiles.Industries.Metallurgy,
        ["有色"] = Domain.Profiles.Industries.Nonferrous,
        ["建材"] = Domain.Profiles.Industries.BuildingMaterials,
        ["机械"] = Domain.Profiles.Industries.Machinery,
        ["轻工"] = Domain.Profiles.Industries.LightIndustry,
        ["纺织"] = Domain.Profiles.Industries.Textiles,
        ["烟草"] = Domain.Profiles.Industries.Tobacco,
        ["商贸"] = Domain.Profiles.Industries.Commerce,
        ["建筑施工"] = Domain.Profiles.Industries.Construction,
        ["其他"] = Domain.Profiles.Industries.Other,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The ledger's label for a certificate workflow status; the export writes it and the import reads it back.</summary>
    public static string StatusLabel(string? status) => status switch
    {
        nameof(CertificateStatus.Active) or nameof(CertificateStatus.RenewalFiled) => Valid,
        nameof(CertificateStatus.Expired) => Expired,
        nameof(CertificateStatus.Suspended) => Suspended,
        nameof(CertificateStatus.Revoked) => Revoked,
        nameof(CertificateStatus.Superseded) => Superseded,
        nameof(CertificateStatus.Cancelled) => Cancelled,
        _ => "",
    };

    public static string GradeLabel(Grade grade) => Grades.First(g => g.Value == grade).Key;

    public static string IndustryLabel(string industry) => Industries.FirstOrDefault(i => i.Value == industry).Key ?? industry;
}
