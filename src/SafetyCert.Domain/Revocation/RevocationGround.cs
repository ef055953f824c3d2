namespace SafetyCert.Domain.Revocation;

/// <summary>
/// The seven grounds on which a certificate is revoked during its validity (RULES.md §7). The number of
/// each member is its place in that list; <see cref="RevocationRules.SourceOf(RevocationGround, Profiles.JurisdictionProfile)"/> gives its source.
/// </summary>
public enum RevocationGround
{
    /// <summary>The review involved fraud or false materials [000 §3(4)], [001 art.21(1)].</summary>
    FraudInReview = 1,

    /// <summary>An accident was reported late, left out, misreported or concealed [000 §3(4)], [001 art.21(2)].</summary>
    AccidentConcealedOrLate = 2,

    /// <summary>A fatal accident at or above the profile's threshold [000 §3(4)], [001 art.21(3)].</summary>
    FatalAccident = 3,

    /// <summary>Safety funds were not set aside in full [001 art.21(4)].</summary>
    SafetyFundsShort = 4,

    /// <summary>The system is not run at its grade and not kept improving [001 art.21(5)].</summary>
    SystemNotRun = 5,

    /// <summary>An inspection found outstanding management problems or an uncontrolled major hazard [001 art.21(6)], [004 §9].</summary>
    UncontrolledHazard = 6,

    /// <summary>
    /// A quality audit found the grade still not met after rectification [002 §3(3)]. A missed remediation deadline is
    /// not this ground: it cancels the grade without a revocation (RULES.md §4.4 [001 art.14]).
    /// </summary>
    QualityAuditFailed = 7,
}
