namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>Where a certificate stands, as the status query shows it.</summary>
public enum CertificateStatus
{
    /// <summary>No <see cref="CertificateIssued"/> yet.</summary>
    NotIssued,

    /// <summary>Valid, no renewal filed.</summary>
    Active,

    /// <summary>Held back while the work-safety licence is lapsed [001 art.16]; expiry still runs.</summary>
    Suspended,

    /// <summary>Valid, a renewal application is pending; renewal reminders have stopped.</summary>
    RenewalFiled,

    /// <summary>Void from the day after its last valid day [000 §3(4)]. Final unless a renewal filed in time is pending.</summary>
    Expired,

    /// <summary>Revoked (RULES.md §7). Final.</summary>
    Revoked,

    /// <summary>Replaced by a renewal or upgrade certificate (RULES.md §5). Final.</summary>
    Superseded,

    /// <summary>
    /// Cancelled because a remediation ordered for this grade missed its deadline (RULES.md §4.4 [001 art.14]):
    /// no regulator's decision, no revocation, no ban. Final.
    /// </summary>
    Cancelled,
}
