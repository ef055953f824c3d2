namespace SafetyCert.Domain.Workflows;

/// <summary>Every notice kind a workflow sends; each names a template.</summary>
public static class NoticeKinds
{
    public const string ApplicationReceived = "application-received";
    public const string ApplicationRejected = "application-rejected";
    public const string ApplicationWithdrawn = "application-withdrawn";
    public const string MaterialReviewDueSoon = "material-review-due-soon";
    public const string MaterialReviewOverdue = "material-review-overdue";
    public const string ReviewUnitAssigned = "review-unit-assigned";
    public const string ReviewDueSoon = "review-due-soon";
    public const string ReviewOverdue = "review-overdue";
    public const string ReportReturned = "report-returned";
    public const string ReverificationDue = "reverification-due";
    public const string PublicNoticeOpen = "public-notice-open";
    public const string PublicNoticeClosed = "public-notice-closed";
    public const string ObjectionRaised = "objection-raised";
    public const string ApplicationFailed = "application-failed";
    public const string CertificateIssued = "certificate-issued";
    public const string FollowUpVisitDue = "follow-up-visit-due";
    public const string FollowUpVisitOverdue = "follow-up-visit-overdue";
    public const string RenewalWindowOpen = "renewal-window-open";
    public const string RenewalReminder = "renewal-reminder";
    public const string CertificateExpired = "certificate-expired";
    public const string CertificateSuspended = "certificate-suspended";
    public const string CertificateRestored = "certificate-restored";
    public const string RevocationDecisionRequired = "revocation-decision-required";
    public const string CertificateRevoked = "certificate-revoked";
    public const string CertificateSuperseded = "certificate-superseded";

    /// <summary>A renewal confirmed without an on-site review [001 art.17]: the extension is announced and a new certificate issued.</summary>
    public const string RenewalFastTracked = "renewal-fast-tracked";
    public const string RecallReminder = "recall-reminder";
    public const string BanEnded = "ban-ended";
    public const string RemediationDueSoon = "remediation-due-soon";
    public const string RemediationMissed = "remediation-missed";

    public const string CertificateCancelled = "certificate-cancelled";
    public const string SelfAssessmentDue = "self-assessment-due";
    public const string SelfAssessmentOverdue = "self-assessment-overdue";
    public const string AccreditationExpiring = "accreditation-expiring";
    public const string AccreditationLapsed = "accreditation-lapsed";
    public const string SpotCheckSelected = "spot-check-selected";
    public const string HolidayArrangementMissing = "holiday-arrangement-missing";
}
