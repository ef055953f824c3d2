namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>Where a remediation stands.</summary>
public enum RemediationStatus
{
    NotOrdered,

    /// <summary>Ordered; the deadline runs.</summary>
    Open,

    /// <summary>Fixed by the deadline. Final.</summary>
    Completed,

    /// <summary>The deadline passed; the grade is cancelled [001 art.14]. Final once its certificate is told.</summary>
    Missed,

    /// <summary>The application that ordered it ended without a certificate; there is no grade to cancel. Final.</summary>
    Closed,
}
