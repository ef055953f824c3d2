namespace SafetyCert.Domain.Eligibility;

/// <summary>The kinds of grading application [000 §3(4)], [001 art.18], RULES.md §3.</summary>
public enum ApplicationKind
{
    /// <summary>初评: a first grading, or a fresh start after a lapse or revocation.</summary>
    Initial,

    /// <summary>复评: renewal of a certificate still in force, at its grade.</summary>
    Renewal,

    /// <summary>A higher grade than the one held.</summary>
    Upgrade,
}
