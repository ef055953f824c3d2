namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>Where an application stands on the timeline of RULES.md §4.</summary>
public enum ApplicationStatus
{
    /// <summary>No submission yet; only <see cref="ApplicationSubmitted"/> is accepted.</summary>
    NotSubmitted,

    /// <summary>The review organization checks the materials (§4.1).</summary>
    MaterialReview,

    /// <summary>Accepted; the organization draws a review unit (§4.2). The review clock runs.</summary>
    AwaitingAssignment,

    /// <summary>The review unit reviews on site (§4.3).</summary>
    UnderReview,

    /// <summary>The enterprise fixes findings during the review; the review clock is paused (§4.3).</summary>
    InRemediation,

    /// <summary>The organization audits the unit's report (§4.5).</summary>
    ReportAudit,

    /// <summary>The organization re-verifies a level-2 applicant on site (§4.6, Beijing profile).</summary>
    Reverification,

    /// <summary>Forwarded to the regulator, which has not published the notice yet (§4.7).</summary>
    AwaitingPublicNotice,

    /// <summary>The result is on public notice and its working days run (§4.7).</summary>
    PublicNotice,

    /// <summary>An objection stopped the notice clock until it is resolved (§4.7).</summary>
    ObjectionPending,

    /// <summary>The regulator announced; the organization issues certificate and plaque (§4.8).</summary>
    Announced,

    /// <summary>Final: the certificate was issued.</summary>
    Issued,

    /// <summary>Final: the materials were rejected in writing (§4.1 [001 art.11]).</summary>
    Rejected,

    /// <summary>Final: the review failed; a partial re-review window runs (§4.9).</summary>
    Failed,

    /// <summary>Final: the enterprise withdrew.</summary>
    Withdrawn,
}
