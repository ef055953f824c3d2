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
/// regulator: <c>regionCode</c> and <c>regulatorLevel</c> →
/// <c>review-organization:{code}:{level}</c>.</item>
/// <item><see cref="Party.ReviewUnit"/>: <c>reviewUnitId</c> → <c>review-unit:{id}</c></item>
/// <item><see cref="Party.Regulator"/>: <c>regionCode</c> (six digits) and <c>regulatorLevel</c>
/// (<c>National</c>, <c>Provincial</c>, <c>Municipal</c>) → <c>regulator:{code}:{level}</c>, where the code is
/// that of the regulator's own tier as <see cref="Jurisdiction.RegulatorRegion"/> decides it (the rule access
/// control uses): <c>000000</c> nationally, <c>xx0000</c> for a province, <c>xxxx00</c> for a city, the city itself in
/// Beijing, Tianjin, Shanghai and Chongqing. The workflows set <c>regulatorLevel</c> from
/// <see cref="Jurisdiction.TierOf"/> (RULES.md §1 [000 §1(4)], [001 art.5]: the profile's tier for the grade, national
/// for offshore oil and gas); a notice without it names no regulator.</item>
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

    private static string ReviewOrganization(Notify notice)
    {
        if (notice.Facts.TryGetValue(NoticeFactNames.ReviewOrganizationId, out var id) && !string.IsNullOrWhiteSpace(id))
        {
            return $"{ReviewOrganizationPrefix}:{id}";
        }

        return notice.Facts.ContainsKey(NoticeFactNames.RegionCode)
            ? Tier(ReviewOrganizationPrefix, notice)
            : throw new ArgumentException($"Notice '{notice.Kind}' to {notice.Recipient} needs fact '{NoticeFactNames.ReviewOrganizationId}', or '{NoticeFactNames.RegionCode}' with '{NoticeFactNames.RegulatorLevel}'.");
    }

    /// <summary>
    /// The scope of the body of the tier <paramref name="level"/> names (<c>regulator</c> or <c>review-organization</c>
    /// by <paramref name="prefix"/>) over <paramref name="regionCode"/>, or null when no tier is named.
    /// </summary>
    public static string? TierOf(string prefix, string regionCode, string? level) =>
        EnumNames.TryParse<RegulatorLevel>(level, ignoreCase: true, out var parsed) ? Tier(prefix, regionCode, parsed) : null;

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
        // The workflow states the tier, decided by the domain's Jurisdiction rule from its profile, grade and industry;
        // the notifications never re-derive it from the grade.
        var named = Required(notice, NoticeFactNames.RegulatorLevel);
        return EnumNames.TryParse<RegulatorLevel>(named, ignoreCase: true, out var level)
            ? Tier(prefix, region, level)
            : throw new ArgumentException($"Notice '{notice.Kind}' has regulatorLevel '{named}', which is none of National, Provincial, Municipal.");
    }

    private static string Required(Notify notice, string fact) =>
        notice.Facts.TryGetValue(fact, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"Notice '{notice.Kind}' to {notice.Recipient} needs fact '{fact}'.");
}
