namespace SafetyCert.Domain.Workflows.Accreditations;

/// <summary>Where a review unit's accreditation stands.</summary>
public enum AccreditationStatus
{
    NotGranted,

    /// <summary>Accredited; may be assigned reviews.</summary>
    Accredited,

    /// <summary>The term ended without re-accreditation; gets no new assignments (RULES.md §8). May be re-accredited.</summary>
    Lapsed,

    /// <summary>Struck off [004 §5]. Final.</summary>
    StruckOff,
}
