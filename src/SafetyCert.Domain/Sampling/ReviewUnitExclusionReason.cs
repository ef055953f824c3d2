namespace SafetyCert.Domain.Sampling;

/// <summary>Why a review unit may not be drawn for an application (RULES.md §4.2).</summary>
public enum ReviewUnitExclusionReason
{
    /// <summary>The unit or one of its experts consulted for the enterprise in the current cycle [001 art.20(4)], [004 §3].</summary>
    ConsultingConflict,

    /// <summary>The unit's accreditation has lapsed on the draw date (RULES.md §8 [004 §5]).</summary>
    AccreditationLapsed,

    /// <summary>The unit is not approved for the grade applied for [000 §3(1)].</summary>
    GradeNotApproved,

    /// <summary>The unit is not approved for the enterprise's industry [000 §3(1)].</summary>
    IndustryNotApproved,
}
