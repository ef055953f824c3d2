using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.SelfAssessments;

/// <summary>One enterprise's self-assessment for one year (RULES.md §2).</summary>
public sealed record SelfAssessmentState : IWorkflowState
{
    /// <summary>The shape of this record; raised when a stored state needs migrating.</summary>
    public int SchemaVersion { get; init; } = 1;

    public SelfAssessmentStatus Stage { get; init; } = SelfAssessmentStatus.NotOpened;

    public string? EnterpriseId { get; init; }

    public int Year { get; init; }

    /// <summary>The six-digit region code; with <see cref="Grade"/> it says which regulator and organization are told.</summary>
    public string? RegionCode { get; init; }

    public Grade Grade { get; init; }

    public string? ProfileId { get; init; }

    /// <summary>The last day to submit: the profile's due date in the year [001 art.3].</summary>
    public LocalDate DueOn { get; init; }

    public LocalDate? SubmittedOn { get; init; }

    public decimal? Score { get; init; }

    public Grade? SelfAssessedGrade { get; init; }

    public bool PostedInternally { get; init; }

    public bool AppliesForReview { get; init; }

    public string? ReportDocumentId { get; init; }

    /// <summary>The due date's citation from the enterprise's profile; null only in records kept before it was stored.</summary>
    public string? DueRule { get; init; }

    public TimerBook Timers { get; init; } = TimerBook.Empty;

    /// <summary>Whether the report came in after the year was marked overdue; counts against fast-track renewal [001 art.17(2)].</summary>
    [JsonIgnore]
    public bool Late => Stage is SelfAssessmentStatus.Overdue or SelfAssessmentStatus.SubmittedLate;

    [JsonIgnore]
    public string Status => Stage.ToString();

    [JsonIgnore]
    public bool IsFinal => Stage is SelfAssessmentStatus.Submitted or SelfAssessmentStatus.SubmittedLate;

    [JsonIgnore]
    public ImmutableArray<Deadline> Deadlines => Stage == SelfAssessmentStatus.Open
        ? [new Deadline("self-assessment-report", DueOn, DueRule ?? "RULES.md §2")]
        : [];
}
