namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>Where a remediation stands.</summary>
public enum RemediationStatus
{
    NotOrdered,

    /// <summary>Ordered; the deadline runs.</summary>
    Open,

    /// <summary>Fixed by the deadline. Final.</summary>
    Completed,

    /// <summary>The deadline passed; the grade is cancelled [001 art.14]. Final.</summary>
    Missed,
}
