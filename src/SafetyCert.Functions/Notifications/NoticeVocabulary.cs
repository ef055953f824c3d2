using System.Collections.Frozen;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Regions;
using SafetyCert.Domain.Revocation;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;
using SafetyCert.Functions.Notifications.Channels;
using SafetyCert.Functions.Notifications.Ledger;

namespace SafetyCert.Functions.Notifications;

/// <summary>
/// What a person reads for the codes the workflows and the ledger keep: grades, revocation grounds, roles, parties,
/// deadlines, channels and delivery states, each in Chinese and in English. Notices and digests show these, never the
/// enum names or scope keys (<c>FatalAccident</c>, <c>review-organization:510700:municipal</c>).
/// </summary>
internal sealed class NoticeVocabulary(RegionCatalog regions)
{
    private static readonly FrozenDictionary<RevocationGround, (string Zh, string En)> Grounds = new Dictionary<RevocationGround, (string, string)>
    {
        [RevocationGround.FraudInReview] = ("评审过程中弄虚作假或提供虚假材料", "fraud or false materials in the review"),
        [RevocationGround.AccidentConcealedOrLate] = ("迟报、漏报、谎报或瞒报生产安全事故", "an accident reported late, left out, misreported or concealed"),
        [RevocationGround.FatalAccident] = ("证书有效期内发生生产安全死亡事故", "a fatal accident during the certificate's validity"),
        [RevocationGround.SafetyFundsShort] = ("未足额提取安全生产费用", "safety funds not set aside in full"),
        [RevocationGround.SystemNotRun] = ("未按等级要求运行标准化体系并持续改进", "the system not run at its grade and not kept improving"),
        [RevocationGround.UncontrolledHazard] = ("监督检查发现突出管理问题或重大隐患未有效管控", "an inspection found outstanding management problems or an uncontrolled major hazard"),
        [RevocationGround.QualityAuditFailed] = ("质量核查整改后仍未达到相应等级要求", "a quality audit found the grade still not met after rectification"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, (string Zh, string En)> DeadlineNames = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
    {
        ["material-review"] = ("定级申请材料审查", "material review of a grading application"),
        ["review"] = ("现场评审", "on-site review"),
        ["public-notice"] = ("评审结果公示", "public notice of the review result"),
        ["partial-re-review"] = ("整改后重新申请（仅评审整改项）", "new application after fixing the findings (partial re-review)"),
        ["renewal-application"] = ("证书延期（复评）申请", "renewal application"),
        ["follow-up-visit"] = ("跟踪回访", "follow-up visit"),
        ["reaccreditation"] = ("评审单位资质复核", "re-accreditation of the review unit"),
        ["self-assessment-report"] = ("年度自评报告提交", "annual self-assessment report"),
        ["remediation"] = ("整改", "remediation"),
        ["revocation-ban"] = ("撤销后重新申请限制期", "ban on new applications after revocation"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static (string Zh, string En) Grade(Grade grade) => grade switch
    {
        Domain.Grading.Grade.Level1 => ("一级", "level 1"),
        Domain.Grading.Grade.Level2 => ("二级", "level 2"),
        Domain.Grading.Grade.Level3 => ("三级", "level 3"),
        Domain.Grading.Grade.SmallMicro => ("小微企业", "small and micro"),
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade."),
    };

    public static (string Zh, string En) Ground(RevocationGround ground) =>
        Grounds.TryGetValue(ground, out var text) ? text : throw new ArgumentOutOfRangeException(nameof(ground), ground, "Not one of the seven grounds.");

    public static (string Zh, string En) Role(Party party) => party switch
    {
        Party.Enterprise => ("企业", "enterprise"),
        Party.ReviewOrganization => ("评审组织单位", "review organization"),
        Party.ReviewUnit => ("评审单位", "review unit"),
        Party.Regulator => ("安全监管部门", "regulator"),
        Party.Administrator => ("系统管理员", "administrator"),
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "Unknown party."),
    };

    public static (string Zh, string En) Level(RegulatorLevel level) => level switch
    {
        RegulatorLevel.National => ("国家级", "national"),
        RegulatorLevel.Provincial => ("省级", "provincial"),
        RegulatorLevel.Municipal => ("市级", "municipal"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown level."),
    };

    public static (string Zh, string En) Channel(ChannelKind channel) => channel switch
    {
        ChannelKind.Email => ("电子邮件", "e-mail"),
        ChannelKind.Webhook => ("Webhook", "webhook"),
        ChannelKind.WeCom => ("企业微信机器人", "WeCom robot"),
        ChannelKind.DingTalk => ("钉钉机器人", "DingTalk robot"),
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown channel."),
    };

    public static (string Zh, string En) Status(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => ("待发送", "pending"),
        DeliveryStatus.Sending => ("发送中", "sending"),
        DeliveryStatus.Sent => ("已送达", "sent"),
        DeliveryStatus.Failed => ("发送失败", "failed"),
        DeliveryStatus.FellBack => ("已改用备用渠道", "sent on the next channel"),
        DeliveryStatus.Muted => ("按对方设置未发送", "muted by the recipient"),
        DeliveryStatus.Held => ("待工作时间发送", "held for working hours"),
        DeliveryStatus.Undeliverable => ("无联系方式，待登记联系方式后发送", "undeliverable: no contact yet; sent once one is added"),
        DeliveryStatus.Readdressed => ("已发往新登记的联系方式", "sent to the contact added since"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown status."),
    };

    /// <summary>
    /// A certificate's status as the certificate workflow names it (<see cref="Domain.Workflows.Certificates.CertificateStatus"/>),
    /// or <c>Issuing</c> while its workflow has not started; an unknown one is shown as it is.
    /// </summary>
    public static (string Zh, string En) CertificateStatus(string status) => status switch
    {
        "Issuing" or nameof(Domain.Workflows.Certificates.CertificateStatus.NotIssued) => ("颁发中", "being issued"),
        nameof(Domain.Workflows.Certificates.CertificateStatus.Active) => ("有效", "valid"),
        nameof(Domain.Workflows.Certificates.CertificateStatus.RenewalFiled) => ("有效（已申请复评）", "valid, renewal filed"),
        nameof(Domain.Workflows.Certificates.CertificateStatus.Suspended) => ("暂收回", "suspended"),
        nameof(Domain.Workflows.Certificates.CertificateStatus.Expired) => ("已过期", "expired"),
        nameof(Domain.Workflows.Certificates.CertificateStatus.Revoked) => ("已撤销", "revoked"),
        nameof(Domain.Workflows.Certificates.CertificateStatus.Superseded) => ("已换发新证书", "replaced by a new certificate"),
        nameof(Domain.Workflows.Certificates.CertificateStatus.Cancelled) => ("已取消等级", "grade cancelled"),
        _ => (status, status),
    };

    /// <summary>A deadline's name as the workflows set it (<c>material-review</c>); an unknown one is shown as it is.</summary>
    public static (string Zh, string En) Deadline(string name) =>
        DeadlineNames.TryGetValue(name, out var text) ? text : (name, name);

    /// <summary>
    /// Revocation grounds as the workflows list them (ground names, separated by commas or semicolons; older notices
    /// wrote "3 FatalAccident 001 art.21(3)"), each as the reader's text; null when none is named.
    /// </summary>
    public static (string Zh, string En)? GroundsOf(string? listed)
    {
        if (string.IsNullOrWhiteSpace(listed))
        {
            return null;
        }

        var named = listed.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(token => EnumNames.TryParse<RevocationGround>(token, ignoreCase: false, out var ground) ? ground : (RevocationGround?)null)
            .OfType<RevocationGround>()
            .Distinct()
            .ToList();
        return named.Count == 0
            ? null
            : (string.Join("；", named.Select(g => Ground(g).Zh)), string.Join("; ", named.Select(g => Ground(g).En)));
    }

    /// <summary>An enterprise whose name is neither in the notice nor on the register.</summary>
    public static readonly (string Zh, string En) UnnamedEnterprise = ("名称未登记的企业", "enterprise with no registered name");

    /// <summary>
    /// The party a contact-book scope names, as a reader knows it: an enterprise by its name (from the notice's facts),
    /// a regional body by its region (绵阳市评审组织单位), a named body by its id after its role.
    /// </summary>
    public (string Zh, string En) PartyName(string scope, IReadOnlyDictionary<string, string> facts)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(facts);
        var parts = scope.Split(':');
        switch (parts)
        {
            case ["enterprise", var id]:
                var name = facts.GetValueOrDefault(NoticeFactNames.EnterpriseName);
                return string.IsNullOrWhiteSpace(name) ? (UnnamedEnterprise.Zh, $"{UnnamedEnterprise.En} ({id})") : (name, name);
            case ["review-unit", var id]:
                var unit = facts.GetValueOrDefault("reviewUnitName");
                return string.IsNullOrWhiteSpace(unit) ? ($"评审单位{id}", $"review unit {id}") : (unit, unit);
            case ["review-organization", var id]:
                return ($"评审组织单位{id}", $"review organization {id}");
            case [var role and ("regulator" or "review-organization"), var code, var levelName]
                when EnumNames.TryParse<RegulatorLevel>(levelName, ignoreCase: true, out var level):
                var (zhRole, enRole) = Role(role == "regulator" ? Domain.Workflows.Party.Regulator : Domain.Workflows.Party.ReviewOrganization);
                var (zhPlace, enPlace) = Place(code);
                return ($"{zhPlace}{(role == "regulator" ? "应急管理（安全监管）部门" : zhRole)}（{Level(level).Zh}）", $"{enRole} of {enPlace} ({Level(level).En})");
            case ["administrator"]:
                return Role(Domain.Workflows.Party.Administrator);
            default:
                return (scope, scope);
        }
    }

    private (string Zh, string En) Place(string code)
    {
        if (code == "000000")
        {
            return ("国家", "China");
        }

        return regions.TryFind(code) is { } region ? (region.Name, region.NameEn) : (code, code);
    }
}
