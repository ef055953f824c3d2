using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Serialization;
using SafetyCert.Domain.Workflows;

namespace SafetyCert.Functions.Notifications.Contacts;

/// <summary>
/// Turns the recipient of a <see cref="Notify"/> into the contact-book scope key. The contract with the workflows
/// (fact names in <see cref="NoticeFactNames"/>, which every workflow fills from its state): a notice's
/// <see cref="Notify.Facts"/> must carry
/// <list type="bullet">
/// <item><see cref="Party.Enterprise"/>: <c>enterpriseId</c> → <c>enterprise:{enterpriseId}</c></item>
/// <item><see cref="Party.ReviewOrganization"/>: <c>reviewOrganizationId</c> → <c>review-organization:{id}</c> when
/// the notice names one; otherwise the organization of the region tier responsible for the grade, found like a
/// regulator: <c>regionCode</c> and <c>regulatorLevel</c> or <c>grade</c> →
/// <c>review-organization:{code}:{level}</c>.</item>
/// <item><see cref="Party.ReviewUnit"/>: <c>reviewUnitId</c> → <c>review-unit:{id}</c></item>
/// <item><see cref="Party.Regulator"/>: <c>regionCode</c> (six digits) and <c>regulatorLevel</c>
/// (<c>National</c>, <c>Provincial</c>, <c>Municipal</c>) → <c>regulator:{code}:{level}</c>, where the code is
/// that of the regulator's own tier as <see cref="Jurisdiction.RegulatorRegion"/> decides it (the rule access
/// control uses): <c>000000</c> nationally, <c>xx0000</c> for a province, <c>xxxx00</c> for a city, the city itself in
/// Beijing, Tianjin, Shanghai and Chongqing. Without <c>regulatorLevel</c> the level follows <c>grade</c> (RULES.md §1 [000 §1(4)], [001 art.5]):
/// Level1 national, Level2 provincial, Level3 and SmallMicro municipal.</item>
/// <item><see cref="Party.Administrator"/>: nothing → <c>administrator</c></item>
/// </list>
/// </summary>
internal static class RecipientScope
{
    public const string Administrator = "administrator";

    private const string RegulatorPrefix = "regulator";
    private const string ReviewOrganizationPrefix = "review-organization";

    public static string Of(Notify notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return notice.Recipient switch
        {
            Party.Enterprise => $"enterprise:{Required(notice, NoticeFactNames.EnterpriseId)}",
            Party.ReviewOrganization => ReviewOrganization(notice),
            Party.ReviewUnit => ReviewUnit(Required(notice, NoticeFactNames.ReviewUnitId)),
            Party.Regulator => Tier(RegulatorPrefix, notice),
            Party.Administrator => Administrator,
            _ => throw new ArgumentException($"Notice '{notice.Kind}' names an unknown recipient {notice.Recipient}."),
        };
    }

    /// <summary>The scope of a review unit.</summary>
    public static string ReviewUnit(string unitId) => $"review-unit:{unitId}";

    /// <summary>The scope of the regulator of <paramref name="level"/> over the region <paramref name="regionCode"/>.</summary>
    public static string Regulator(string regionCode, RegulatorLevel level) => Tier(RegulatorPrefix, regionCode, level);

    /// <summary>The scope of the review organization of the <paramref name="level"/> tier over the region <paramref name="regionCode"/>.</summary>
    public static string ReviewOrganization(string regionCode, RegulatorLevel level) => Tier(ReviewOrganizationPrefix, regionCode, level);

    public static RegulatorLevel LevelFor(Grade grade) => grade switch
    {
        Grade.Level1 => RegulatorLevel.National,
        Grade.Level2 => RegulatorLevel.Provincial,
        Grade.Level3 or Grade.SmallMicro => RegulatorLevel.Municipal,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, "Unknown grade."),
    };

    private static string ReviewOrganization(Notify notice)
    {
        if (notice.Facts.TryGetValue(NoticeFactNames.ReviewOrganizationId, out var id) && !string.IsNullOrWhiteSpace(id))
        {
            return $"{ReviewOrganizationPrefix}:{id}";
        }

        return notice.Facts.ContainsKey(NoticeFactNames.RegionCode)
            ? Tier(ReviewOrganizationPrefix, notice)
            : throw new ArgumentException($"Notice '{notice.Kind}' to {notice.Recipient} needs fact '{NoticeFactNames.ReviewOrganizationId}', or '{NoticeFactNames.RegionCode}' with '{NoticeFactNames.Grade}'.");
    }

    private static string Tier(string prefix, string regionCode, RegulatorLevel level)
    {
        // The domain decides which body of a tier covers a region, the same rule access control checks
        // (Beijing, Tianjin, Shanghai and Chongqing: the municipal tier is the city itself).
        var tierCode = Jurisdiction.RegulatorRegion(level, regionCode);
        return $"{prefix}:{tierCode}:{level.ToString().ToLowerInvariant()}";
    }

    private static string Tier(string prefix, Notify notice)
    {
        var region = Required(notice, NoticeFactNames.RegionCode);
        RegulatorLevel level;
        if (notice.Facts.TryGetValue(NoticeFactNames.RegulatorLevel, out var named))
        {
            if (!EnumNames.TryParse(named, ignoreCase: true, out level))
            {
                throw new ArgumentException($"Notice '{notice.Kind}' has regulatorLevel '{named}', which is none of National, Provincial, Municipal.");
            }
        }
        else if (notice.Facts.TryGetValue(NoticeFactNames.Grade, out var gradeName)
            && EnumNames.TryParse<Grade>(gradeName, ignoreCase: true, out var grade))
        {
            level = LevelFor(grade);
        }
        else
        {
            throw new ArgumentException($"Notice '{notice.Kind}' to {notice.Recipient} needs fact 'regulatorLevel' or a valid 'grade'.");
        }

        return Tier(prefix, region, level);
    }

    private static string Required(Notify notice, string fact) =>
        notice.Facts.TryGetValue(fact, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"Notice '{notice.Kind}' to {notice.Recipient} needs fact '{fact}'.");
}
