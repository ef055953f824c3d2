namespace SafetyCert.Domain.Eligibility;

/// <summary>The machine codes of the conditions <see cref="ApplicationEligibility"/> and <see cref="FastTrackRenewal"/> check.</summary>
public static class ConditionCodes
{
    /// <summary>The system has run long enough [000 §2(3)].</summary>
    public const string SystemRunning = "system-running";

    /// <summary>The self-assessment passed [000 §2(3)].</summary>
    public const string SelfAssessmentPassed = "self-assessment-passed";

    /// <summary>The work-safety licence is valid where one is needed [001 art.10(1)].</summary>
    public const string LicenceValid = "licence-valid";

    /// <summary>Post and professional standardization done [001 art.10(2)].</summary>
    public const string PostAndProfessionalStandardization = "post-professional-standardization";

    /// <summary>Dual prevention in place [001 art.10(3)].</summary>
    public const string DualPrevention = "dual-prevention";

    /// <summary>No fatal accident in the year before applying [001 art.10(4)].</summary>
    public const string NoRecentFatalAccident = "no-recent-fatal-accident";

    /// <summary>Not inside the ban after a revocation [001 art.21].</summary>
    public const string NoRevocationBan = "no-revocation-ban";

    /// <summary>A renewal or upgrade needs a certificate [000 §3(4)].</summary>
    public const string CertificateHeld = "certificate-held";

    /// <summary>The certificate is still valid; a lapsed one starts over as initial [002 §2(3)].</summary>
    public const string CertificateInForce = "certificate-in-force";

    /// <summary>No accident during the certificate's validity, or the firm starts over as initial [002 §2(3)].</summary>
    public const string NoAccidentDuringValidity = "no-accident-during-validity";

    /// <summary>A renewal keeps the held grade [000 §3(4)].</summary>
    public const string RenewalSameGrade = "renewal-same-grade";

    /// <summary>An upgrade asks for a higher grade than held [001 art.18].</summary>
    public const string UpgradeHigherGrade = "upgrade-higher-grade";

    /// <summary>The jurisdiction's profile provides renewal without an on-site review at all [001 art.17].</summary>
    public const string FastTrackProvided = "fast-track-provided";

    /// <summary>Fast track (1): applied inside the renewal window [001 art.17(1)].</summary>
    public const string FastTrackWindow = "fast-track-window";

    /// <summary>Fast track (2): a report submitted and posted every year [001 art.17(2)].</summary>
    public const string FastTrackSelfAssessments = "fast-track-self-assessments";

    /// <summary>Fast track (3): still meets the application conditions [001 art.17(3)].</summary>
    public const string FastTrackStillEligible = "fast-track-still-eligible";

    /// <summary>Fast track (4): no fatal accident during validity [001 art.17(4)].</summary>
    public const string FastTrackNoFatalAccident = "fast-track-no-fatal-accident";

    /// <summary>Fast track (5): no outstanding problem or major hidden hazard found [001 art.17(5)].</summary>
    public const string FastTrackNoOutstandingProblems = "fast-track-no-outstanding-problems";

    /// <summary>Fast track (6): no site rebuilt, expanded or relocated, no widened licence scope [001 art.17(6)].</summary>
    public const string FastTrackNoSiteChanges = "fast-track-no-site-changes";

    /// <summary>Fast track (7): no marked change of the working environment [001 art.17(7)].</summary>
    public const string FastTrackNoEnvironmentChange = "fast-track-no-environment-change";

    /// <summary>The grading standard is unchanged since issue; otherwise a full review [001 art.17].</summary>
    public const string FastTrackStandardUnchanged = "fast-track-standard-unchanged";
}
