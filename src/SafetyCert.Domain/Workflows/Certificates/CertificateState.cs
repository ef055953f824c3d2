using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Certificates;

/// <summary>One certificate from issue to expiry, revocation or replacement (RULES.md §5–§7).</summary>
public sealed record CertificateState : IWorkflowState
{
    /// <summary>The shape of this record; raised when a stored state needs migrating.</summary>
    public int SchemaVersion { get; init; } = 1;

    public CertificateStage Stage { get; init; } = CertificateStage.NotIssued;

    public string? CertificateId { get; init; }

    public string? Number { get; init; }

    public string? EnterpriseId { get; init; }

    public string? RegionCode { get; init; }

    public Grade Grade { get; init; }

    public string? ProfileId { get; init; }

    /// <summary>The enterprise's industry, which with the profile and grade decides the regulator tier its notices go to; null when not recorded.</summary>
    public string? Industry { get; init; }

    /// <summary>The unit that reviewed the enterprise and owes the follow-up visit; null when not recorded.</summary>
    public string? ReviewUnitId { get; init; }

    public LocalDate IssuedOn { get; init; }

    /// <summary>The last valid day; the certificate is void from the next day [000 §3(4)].</summary>
    public LocalDate ValidThrough { get; init; }

    public bool LicenceRequired { get; init; }

    /// <summary>The latest licence expiry date reported with <see cref="LicenceRenewed"/>.</summary>
    public LocalDate? LicenceValidUntil { get; init; }

    /// <summary>Set while the licence is lapsed [001 art.16].</summary>
    public LocalDate? SuspendedOn { get; init; }

    public string? RenewalApplicationId { get; init; }

    public LocalDate? RenewalFiledOn { get; init; }

    /// <summary>Accidents reported during validity, in the order they arrived.</summary>
    public ImmutableArray<string> AccidentIds { get; init; } = [];

    /// <summary>Whether this certificate asked for its own revocation (a fatal accident at the threshold).</summary>
    public bool RevocationStarted { get; init; }

    /// <summary>The last day of the follow-up visit window [004 §4].</summary>
    public LocalDate? FollowUpVisitDue { get; init; }

    public LocalDate? FollowUpVisitOn { get; init; }

    /// <summary>The follow-up visit's citation from the certificate's profile; null only in records kept before it was stored.</summary>
    public string? FollowUpVisitRule { get; init; }

    /// <summary>The renewal deadline's citation (the validity's source) from the certificate's profile; null only in records kept before it was stored.</summary>
    public string? RenewalDeadlineRule { get; init; }

    public LocalDate? RevokedOn { get; init; }

    public string? SupersededBy { get; init; }

    /// <summary>The day the grade was cancelled for a missed remediation (RULES.md §4.4).</summary>
    public LocalDate? CancelledOn { get; init; }

    /// <summary>The remediation whose missed deadline cancelled the grade.</summary>
    public string? CancelledBy { get; init; }

    public TimerBook Timers { get; init; } = TimerBook.Empty;

    /// <summary>An accident during validity means the next grading starts over as an initial application [002 §2(3)].</summary>
    [JsonIgnore]
    public bool HadAccidentDuringValidity => !AccidentIds.IsDefaultOrEmpty;

    [JsonIgnore]
    public CertificateStatus Current => Stage switch
    {
        CertificateStage.NotIssued => CertificateStatus.NotIssued,
        CertificateStage.InForce when SuspendedOn is not null => CertificateStatus.Suspended,
        CertificateStage.InForce when RenewalApplicationId is not null => CertificateStatus.RenewalFiled,
        CertificateStage.InForce => CertificateStatus.Active,
        CertificateStage.Expired => CertificateStatus.Expired,
        CertificateStage.Revoked => CertificateStatus.Revoked,
        CertificateStage.Cancelled => CertificateStatus.Cancelled,
        _ => CertificateStatus.Superseded,
    };

    [JsonIgnore]
    public string Status => Current.ToString();

    /// <summary>Revoked, cancelled and superseded certificates are done; an expired one waits only for a renewal filed in time.</summary>
    [JsonIgnore]
    public bool IsFinal => Stage is CertificateStage.Revoked or CertificateStage.Superseded or CertificateStage.Cancelled
        || (Stage == CertificateStage.Expired && RenewalApplicationId is null);

    [JsonIgnore]
    public ImmutableArray<Deadline> Deadlines
    {
        get
        {
            if (Stage != CertificateStage.InForce)
            {
                return [];
            }

            var deadlines = ImmutableArray.CreateBuilder<Deadline>();
            if (RenewalApplicationId is null)
            {
                deadlines.Add(new Deadline("renewal-application", ValidThrough, RenewalDeadlineRule ?? "RULES.md §6"));
            }

            if (FollowUpVisitOn is null && FollowUpVisitDue is { } due)
            {
                deadlines.Add(new Deadline("follow-up-visit", due, FollowUpVisitRule ?? "RULES.md §4.10"));
            }

            return deadlines.ToImmutable();
        }
    }
}
