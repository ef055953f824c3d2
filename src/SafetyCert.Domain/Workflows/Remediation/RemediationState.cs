using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Remediation;

/// <summary>One remediation order and its deadline (RULES.md §4.4).</summary>
public sealed record RemediationState : IWorkflowState
{
    /// <summary>The shape of this record; raised when a stored state needs migrating.</summary>
    public int SchemaVersion { get; init; } = 1;

    public RemediationStatus Stage { get; init; } = RemediationStatus.NotOrdered;

    public string? RemediationId { get; init; }

    public string? EnterpriseId { get; init; }

    public string? ProfileId { get; init; }

    /// <summary>The rule with the source the profile gives for the remediation deadline, kept so a notice cites what the order was made under.</summary>
    public string? Rule { get; init; }

    /// <summary>The six-digit region code; with <see cref="Grade"/> it says which regulator and organization are told.</summary>
    public string? RegionCode { get; init; }

    public Grade Grade { get; init; }

    public string? CertificateId { get; init; }

    public string? ApplicationId { get; init; }

    public string? Findings { get; init; }

    public LocalDate OrderedOn { get; init; }

    /// <summary>The last day to finish; the remediation is missed from the next day.</summary>
    public LocalDate Deadline { get; init; }

    public LocalDate? CompletedOn { get; init; }

    /// <summary>The day the ordering application ended without a certificate.</summary>
    public LocalDate? ClosedOn { get; init; }

    public ImmutableArray<string> EvidenceDocumentIds { get; init; } = [];

    public TimerBook Timers { get; init; } = TimerBook.Empty;

    [JsonIgnore]
    public string Status => Stage.ToString();

    /// <summary>
    /// Done when completed, closed with its application, or missed with its certificate told. An order from a review that
    /// missed its deadline before the certificate was issued waits for <see cref="GradeCertificateIssued"/> to cancel it, or
    /// for <see cref="ApplicationClosed"/> when the application ends without one (RULES.md §4.4).
    /// </summary>
    [JsonIgnore]
    public bool IsFinal => Stage is RemediationStatus.Completed or RemediationStatus.Closed
        || (Stage == RemediationStatus.Missed && (CertificateId is not null || ApplicationId is null));

    [JsonIgnore]
    public ImmutableArray<Deadline> Deadlines => Stage == RemediationStatus.Open
        ? [new Deadline("remediation", Deadline, Rule ?? "RULES.md §4.4")]
        : [];
}
