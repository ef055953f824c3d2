using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Revocation;

/// <summary>
/// When a certificate must be revoked and what a revocation needs (RULES.md §7). Pure functions over a
/// jurisdiction profile, so national and regional thresholds differ by data, not by code.
/// </summary>
public static class RevocationRules
{
    /// <summary>
    /// Grounds that start a revocation without a regulator's decision: only a fatal accident at the threshold
    /// (RULES.md §7 convention). A missed remediation deadline is no revocation at all but a cancellation
    /// (RULES.md §4.4 [001 art.14]), which the certificate workflow carries out itself, without the ban.
    /// </summary>
    public static ImmutableArray<RevocationGround> AutomaticGrounds { get; } =
        [RevocationGround.FatalAccident];

    /// <summary>The source of a ground, as shown to the enterprise in its revocation notice.</summary>
    public static string SourceOf(RevocationGround ground) =>
        $"RULES.md §7({(int)ground}) [{string.Join("], [", SourcesOf(ground))}]";

    /// <summary>
    /// The source of a ground under the profile a certificate was issued on: the provisions of the profile's own
    /// regulation where it has the ground, otherwise every listed provision, applied by convention. A national
    /// non-coal-mine certificate revoked for a fatal accident cites 000 §3(4), not Ningxia's article.
    /// </summary>
    public static string SourceOf(RevocationGround ground, JurisdictionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return $"RULES.md §7({(int)ground}) [{profile.SourceOf(SourcesOf(ground))}]";
    }

    private static string[] SourcesOf(RevocationGround ground) => ground switch
    {
        RevocationGround.FraudInReview => ["000 §3(4)", "001 art.21(1)"],
        RevocationGround.AccidentConcealedOrLate => ["000 §3(4)", "001 art.21(2)"],
        RevocationGround.FatalAccident => ["000 §3(4)", "001 art.21(3)"],
        RevocationGround.SafetyFundsShort => ["001 art.21(4)"],
        RevocationGround.SystemNotRun => ["001 art.21(5)"],
        RevocationGround.UncontrolledHazard => ["001 art.21(6)", "004 §9"],
        RevocationGround.QualityAuditFailed => ["002 §3(3)"],
        _ => throw new ArgumentOutOfRangeException(nameof(ground), ground, "Not one of the seven grounds of RULES.md §7."),
    };

    /// <summary>
    /// Whether an accident during validity is a ground for revocation: ground 3 when the deaths reach the
    /// profile's threshold for the grade (national non-coal mines: level 1/2/3 at 1/2/3 deaths [000 §3(4)];
    /// Ningxia: any fatality [001 art.21(3)]), ground 2 when it was reported late or concealed.
    /// </summary>
    public static bool AccidentRequiresRevocation(JurisdictionProfile profile, Grade grade, int deaths, bool concealedOrLate) =>
        !AccidentGrounds(profile, grade, deaths, concealedOrLate).IsEmpty;

    /// <summary>The grounds an accident meets, in ground order; empty when it is no ground.</summary>
    public static ImmutableArray<RevocationGround> AccidentGrounds(JurisdictionProfile profile, Grade grade, int deaths, bool concealedOrLate)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegative(deaths);
        if (!profile.FatalAccidentDeaths.Value.TryGetValue(grade, out var threshold))
        {
            throw new ArgumentException($"Profile {profile.Id} sets no fatal-accident threshold for {grade}.", nameof(grade));
        }

        var grounds = ImmutableArray.CreateBuilder<RevocationGround>();
        if (concealedOrLate)
        {
            grounds.Add(RevocationGround.AccidentConcealedOrLate);
        }

        if (deaths > 0 && deaths >= threshold)
        {
            grounds.Add(RevocationGround.FatalAccident);
        }

        return grounds.ToImmutable();
    }

    /// <summary>
    /// Why a revocation cannot be opened as given, or null when it can. Every revocation names at least one
    /// ground; an automatic one names exactly one automatic ground; every other needs the regulator's
    /// written reason and at least one evidence document (RULES.md §7 convention). The reason is given in Chinese and
    /// in English, citing the seeds' grounds of revocation (000 §3(4), 001 art.21) rather than the rulebook.
    /// </summary>
    public static (string Chinese, string English)? ProblemWith(bool automatic, ImmutableArray<RevocationGround> grounds, string? reason, ImmutableArray<string> evidenceDocumentIds)
    {
        var named = grounds.IsDefault ? [] : grounds;
        if (named.IsEmpty)
        {
            return ("撤销须至少列明一项撤销情形。", "A revocation must name at least one ground of revocation.");
        }

        var unknown = named.Where(g => !Enum.IsDefined(g)).ToList();
        if (unknown.Count > 0)
        {
            var numbers = string.Join(", ", unknown.Select(g => (int)g));
            return ($"情形 {numbers} 不属于七项撤销情形。", $"Ground(s) {numbers} are not among the seven grounds of revocation.");
        }

        if (named.Distinct().Count() != named.Length)
        {
            return ("每项撤销情形只能列明一次。", "A revocation names each ground once.");
        }

        if (automatic)
        {
            return named.Length == 1 && AutomaticGrounds.Contains(named[0])
                ? null
                : ($"只有 {string.Join(" 或 ", AutomaticGrounds)} 单独一项可自动启动撤销；{string.Join("、", named)} 须由监管部门作出附理由和证据的决定。",
                    $"Only {string.Join(" or ", AutomaticGrounds)} alone starts a revocation automatically; {string.Join(", ", named)} needs a regulator's decision with reason and evidence.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return ("监管部门的撤销决定须附书面理由。", "A regulator's revocation decision needs a written reason.");
        }

        var evidence = evidenceDocumentIds.IsDefault ? [] : evidenceDocumentIds;
        if (evidence.IsEmpty || evidence.Any(string.IsNullOrWhiteSpace))
        {
            return ("监管部门的撤销决定须附至少一份证据文件编号，且不得为空。", "A regulator's revocation decision needs at least one evidence document id, none blank.");
        }

        return null;
    }

    /// <summary>
    /// The first day the enterprise may apply again (RULES.md §7 ban, [001 art.21] 「自撤销之日起满1年后」): the ban runs
    /// the profile's years from the day after the revocation, the start day not counted, so the first free day is the
    /// revocation date plus those years plus one day (revoked 2026-08-20 → may apply from 2027-08-21). The ban-ended
    /// notice, the ban timer and the eligibility check all take this day.
    /// </summary>
    public static LocalDate BanEndsOn(JurisdictionProfile profile, LocalDate revokedOn)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return revokedOn.PlusYears(profile.RevocationBanYears.Value).PlusDays(1);
    }
}
