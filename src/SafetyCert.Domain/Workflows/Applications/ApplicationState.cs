using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Eligibility;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Applications;

/// <summary>
/// One grading application on the timeline of RULES.md §4. Stored by the engine as JSON; dates are the
/// ones the parties reported, in Beijing.
/// </summary>
public sealed record ApplicationState : IWorkflowState
{
    /// <summary>The version of this shape; raised whenever a stored state needs upgrading.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public string ApplicationId { get; init; } = string.Empty;

    public string EnterpriseId { get; init; } = string.Empty;

    /// <summary>The enterprise's GB/T 2260 region code.</summary>
    public string RegionCode { get; init; } = string.Empty;

    public string Industry { get; init; } = string.Empty;

    public Grade Grade { get; init; }

    public ApplicationKind Kind { get; init; }

    /// <summary>The jurisdiction profile, read in the version in force on <see cref="ReceivedOn"/>.</summary>
    public string ProfileId { get; init; } = string.Empty;

    public bool LicenceRequired { get; init; }

    /// <summary>The certificate a renewal or upgrade supersedes.</summary>
    public string? PreviousCertificateId { get; init; }

    /// <summary>The earlier failed application whose conclusion this one partly reuses (RULES.md §4.9).</summary>
    public string? PartialReReviewOf { get; init; }

    /// <summary>A renewal that met every fast-track condition (RULES.md §6 [001 art.17]): the organization may confirm it without an on-site review.</summary>
    public bool FastTrackEligible { get; init; }

    /// <summary>The fast-track conditions a renewal failed, each with its reason and source; it goes to a review unit.</summary>
    public ImmutableArray<ConditionResult> FastTrackFailures { get; init; } = [];

    /// <summary>The day the organization confirmed the fast track; the extension is announced that day.</summary>
    public LocalDate? FastTrackConfirmedOn { get; init; }

    /// <summary>Where the application stands.</summary>
    public ApplicationStatus Stage { get; init; }

    [JsonIgnore]
    public string Status => Stage.ToString();

    [JsonIgnore]
    public bool IsFinal => Stage is ApplicationStatus.Issued or ApplicationStatus.Rejected or ApplicationStatus.Failed or ApplicationStatus.Withdrawn;

    /// <summary>The date of the latest step; a later step may not be dated earlier.</summary>
    public LocalDate? LastStepOn { get; init; }

    public LocalDate? ReceivedOn { get; init; }

    /// <summary>The date the materials were accepted; the review clock starts here (RULES.md §4.3).</summary>
    public LocalDate? AcceptedOn { get; init; }

    public string? ReviewUnitId { get; init; }

    /// <summary>The seed of the random draw that picked <see cref="ReviewUnitId"/>.</summary>
    public string? DrawSeed { get; init; }

    public LocalDate? AssignedOn { get; init; }

    /// <summary>Days spent in remediation so far; they extend the review deadline (RULES.md §4.3 [000 §3(2)1]).</summary>
    public int RemediationDays { get; init; }

    /// <summary>When the running remediation pause began; null while the review clock runs.</summary>
    public LocalDate? RemediationStartedOn { get; init; }

    public LocalDate? ReportSubmittedOn { get; init; }

    /// <summary>The unit's verdict in its latest report.</summary>
    public bool? ReportPassed { get; init; }

    /// <summary>How many times the organization returned the report to the unit (RULES.md §4.5).</summary>
    public int ReportReturns { get; init; }

    /// <summary>How many remediation workflows this application ordered (RULES.md §4.4).</summary>
    public int RemediationOrders { get; init; }

    public LocalDate? ForwardedOn { get; init; }

    /// <summary>Whether this application needs the level-2 on-site re-verification (RULES.md §4.6).</summary>
    public bool ReverificationRequired { get; init; }

    public LocalDate? ReverifiedOn { get; init; }

    public LocalDate? NoticePublishedOn { get; init; }

    /// <summary>The last day of the public notice; null while an objection stops the clock.</summary>
    public LocalDate? NoticeClosesOn { get; init; }

    /// <summary>The date after which the notice's working days count now: the publication date, or the date the last objection was resolved.</summary>
    public LocalDate? NoticeRunsFrom { get; init; }

    /// <summary>Notice working days that had run when the clock last stopped (RULES.md §4.7).</summary>
    public int NoticeWorkingDaysRun { get; init; }

    /// <summary>Objections not yet resolved; the notice clock stands still while any is open.</summary>
    public ImmutableArray<string> OpenObjections { get; init; } = [];

    /// <summary>Every objection raised, resolved or not, so a repeated one is recognised.</summary>
    public ImmutableArray<string> ObjectionsRaised { get; init; } = [];

    public LocalDate? AnnouncedOn { get; init; }

    public string? CertificateId { get; init; }

    public string? CertificateNumber { get; init; }

    public LocalDate? IssuedOn { get; init; }

    /// <summary>The date the application ended without a certificate (rejected, failed, withdrawn).</summary>
    public LocalDate? ClosedOn { get; init; }

    /// <summary>The written reasons or findings that ended the application without a certificate.</summary>
    public string? ClosingReasons { get; init; }

    public ImmutableArray<Deadline> Deadlines { get; init; } = [];

    public TimerBook Timers { get; init; } = TimerBook.Empty;
}
