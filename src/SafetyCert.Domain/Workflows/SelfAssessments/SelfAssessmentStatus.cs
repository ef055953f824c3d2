namespace SafetyCert.Domain.Workflows.SelfAssessments;

/// <summary>Where an enterprise's self-assessment year stands.</summary>
public enum SelfAssessmentStatus
{
    NotOpened,

    /// <summary>Waiting for the report; reminders run until the due date.</summary>
    Open,

    /// <summary>The due date passed without a report; the regulator's ledger shows it (RULES.md §2 convention).</summary>
    Overdue,

    /// <summary>Submitted by the due date. Final.</summary>
    Submitted,

    /// <summary>Submitted after the year was marked overdue; stays marked late. Final.</summary>
    SubmittedLate,
}
