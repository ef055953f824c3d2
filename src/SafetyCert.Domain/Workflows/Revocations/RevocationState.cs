using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Grading;
using SafetyCert.Domain.Revocation;

namespace SafetyCert.Domain.Workflows.Revocations;

/// <summary>One certificate's revocation: the decision, the recall of certificate and plaque, and the ban.</summary>
public sealed record RevocationState : IWorkflowState
{
    /// <summary>The shape of this record; raised when a stored state needs migrating.</summary>
    public int SchemaVersion { get; init; } = 1;

    public string? CertificateId { get; init; }

    public string? CertificateNumber { get; init; }

    public string? EnterpriseId { get; init; }

    public string? ProfileId { get; init; }

    /// <summary>The six-digit region code; with <see cref="Grade"/> it says which regulator and organization are told.</summary>
    public string? RegionCode { get; init; }

    public Grade Grade { get; init; }

    public ImmutableArray<RevocationGround> Grounds { get; init; } = [];

    public bool Automatic { get; init; }

    public string? Reason { get; init; }

    public ImmutableArray<string> EvidenceDocumentIds { get; init; } = [];

    public string? TriggerId { get; init; }

    public LocalDate? RevokedOn { get; init; }

    /// <summary>The first day the enterprise may apply again [001 art.21].</summary>
    public LocalDate? BanEndsOn { get; init; }

    /// <summary>The ban's citation from the profile the revocation runs on; null only in records kept before it was stored.</summary>
    public string? BanRule { get; init; }

    public LocalDate? CertificateReturnedOn { get; init; }

    public LocalDate? PlaqueReturnedOn { get; init; }

    public bool BanEnded { get; init; }

    public TimerBook Timers { get; init; } = TimerBook.Empty;

    [JsonIgnore]
    public RevocationStatus Current => RevokedOn is null
        ? RevocationStatus.NotOpened
        : CertificateReturnedOn is null || PlaqueReturnedOn is null
            ? RevocationStatus.Recalling
            : BanEnded ? RevocationStatus.Closed : RevocationStatus.BanRunning;

    [JsonIgnore]
    public string Status => Current.ToString();

    [JsonIgnore]
    public bool IsFinal => Current == RevocationStatus.Closed;

    [JsonIgnore]
    public ImmutableArray<Deadline> Deadlines => BanEndsOn is { } end && !BanEnded
        ? [new Deadline("revocation-ban", end.PlusDays(-1), BanRule ?? "RULES.md §7")]
        : [];
}
