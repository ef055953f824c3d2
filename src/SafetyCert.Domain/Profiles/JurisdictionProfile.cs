using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Profiles;

/// <summary>
/// Every number a rule uses in one jurisdiction, each with its source (RULES.md, conventions are profile
/// settings). Profiles are embedded JSON, versioned by effective date.
/// </summary>
public sealed record JurisdictionProfile
{
    /// <summary>Stable id, e.g. <c>ningxia-2017</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The seed document the profile follows, e.g. <c>001</c>.</summary>
    public required string Seed { get; init; }

    public required LocalDate EffectiveFrom { get; init; }

    /// <summary>The last day the profile applies; null while it is in force.</summary>
    public LocalDate? EffectiveUntil { get; init; }

    /// <summary>GB/T 2260 codes the profile covers; <c>000000</c> is nationwide. A more specific code wins.</summary>
    public required ImmutableArray<string> Regions { get; init; }

    /// <summary>Industries covered, from <see cref="Profiles.Industries"/>; <c>*</c> for all.</summary>
    public required ImmutableArray<string> Industries { get; init; }

    // RULES.md §1: who announces each grade.
    public required Sourced<ImmutableSortedDictionary<Grade, RegulatorLevel>> AnnouncingRegulator { get; init; }

    // RULES.md §2: self-assessment.
    public required Sourced<AnnualDate> SelfAssessmentDue { get; init; }

    public required Sourced<ImmutableArray<AnnualDate>> SelfAssessmentReminders { get; init; }

    // RULES.md §3: eligibility.
    public required Sourced<int> MinimumSystemRunMonths { get; init; }

    public required Sourced<int> FatalAccidentLookbackYears { get; init; }

    public required Sourced<ImmutableSortedDictionary<Grade, int>> AccidentReportYears { get; init; }

    // RULES.md §4: the application timeline.
    public required Sourced<int> MaterialReviewWorkingDays { get; init; }

    /// <summary>Working days before the material-review deadline when the organization is warned.</summary>
    public required Sourced<int> MaterialReviewWarningWorkingDays { get; init; }

    public required Sourced<int> ReviewMonths { get; init; }

    /// <summary>Days before the review deadline when the review unit is warned.</summary>
    public required Sourced<int> ReviewWarningDays { get; init; }

    public required Sourced<int> RemediationMaxMonths { get; init; }

    /// <summary>Days before a remediation deadline when the enterprise is warned.</summary>
    public required Sourced<ImmutableArray<int>> RemediationReminderDays { get; init; }

    public required Sourced<bool> Level2Reverification { get; init; }

    public required Sourced<int> PublicNoticeWorkingDays { get; init; }

    public required Sourced<int> PartialReReviewMonths { get; init; }

    public required Sourced<int> FollowUpVisitMonths { get; init; }

    // RULES.md §5–6: certificates and renewal.
    public required Sourced<int> CertificateValidityYears { get; init; }

    public required Sourced<int> RenewalWindowMonths { get; init; }

    public required Sourced<ImmutableArray<int>> RenewalReminderDays { get; init; }

    /// <summary>Whether a renewal meeting every condition of RULES.md §6 is renewed without an on-site review [001 art.17].</summary>
    public Sourced<bool> FastTrackRenewal { get; init; } = new(false, "convention: no renewal without an on-site review");

    /// <summary>The day the grading standard in force was last revised; a certificate issued before it renews with a full review [001 art.17].</summary>
    public Sourced<LocalDate?> GradingStandardRevisedOn { get; init; } = new(null, "convention: no revision of the grading standard recorded");

    // RULES.md §7: revocation.
    /// <summary>Deaths in one accident that make it a revocation ground, by grade.</summary>
    public required Sourced<ImmutableSortedDictionary<Grade, int>> FatalAccidentDeaths { get; init; }

    public required Sourced<int> RevocationBanYears { get; init; }

    /// <summary>Days between reminders until certificate and plaque are back.</summary>
    public required Sourced<int> RecallReminderIntervalDays { get; init; }

    // RULES.md §8: review bodies.
    public required Sourced<int> AccreditationYears { get; init; }

    public required Sourced<ImmutableArray<int>> AccreditationReminderDays { get; init; }

    // RULES.md §9: supervision.
    public required Sourced<ImmutableSortedDictionary<Grade, int>> SpotCheckPercent { get; init; }

    /// <summary>Whether the profile covers an industry.</summary>
    public bool CoversIndustry(string industry) => Industries.Any(listed => Profiles.Industries.Covers(listed, industry));

    /// <summary>Whether the profile is in force on a date.</summary>
    public bool InForceOn(LocalDate date) => date >= EffectiveFrom && (EffectiveUntil is null || date <= EffectiveUntil);

    /// <summary>
    /// The source of a rule the profile holds no setting for, from the seed provisions that carry it (e.g. <c>001 art.16</c>):
    /// those of the profile's own regulation where it has the rule, otherwise all of them, applied by convention.
    /// </summary>
    public string SourceOf(params string[] provisions)
    {
        ArgumentNullException.ThrowIfNull(provisions);
        var own = provisions.Where(p => p.StartsWith(Seed + " ", StringComparison.Ordinal)).ToArray();
        return own.Length > 0 ? string.Join(", ", own) : "convention: " + string.Join(", ", provisions);
    }
}
