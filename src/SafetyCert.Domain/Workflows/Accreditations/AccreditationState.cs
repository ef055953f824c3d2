using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Workflows.Accreditations;

/// <summary>One review unit's accreditation (RULES.md §8 [004 §5]).</summary>
public sealed record AccreditationState : IWorkflowState
{
    /// <summary>The shape of this record; raised when a stored state needs migrating.</summary>
    public int SchemaVersion { get; init; } = 1;

    public AccreditationStatus Stage { get; init; } = AccreditationStatus.NotGranted;

    public string? UnitId { get; init; }

    public string? ProfileId { get; init; }

    /// <summary>The rule with the source the profile gives for the accreditation term, kept so notices cite what the term was granted under.</summary>
    public string? Rule { get; init; }

    /// <summary>The six-digit region code of the unit's seat; with <see cref="Grade"/> it says which regulator and organization are told.</summary>
    public string? RegionCode { get; init; }

    /// <summary>The highest grade the unit may review.</summary>
    public Grade Grade { get; init; }

    public LocalDate GrantedOn { get; init; }

    /// <summary>The last day of the current term: the day before its anniversary.</summary>
    public LocalDate ValidThrough { get; init; }

    public LocalDate? StruckOffOn { get; init; }

    public string? StruckOffReason { get; init; }

    public TimerBook Timers { get; init; } = TimerBook.Empty;

    /// <summary>Whether the unit may be given new review assignments (RULES.md §4.2, §8).</summary>
    [JsonIgnore]
    public bool Assignable => Stage == AccreditationStatus.Accredited;

    [JsonIgnore]
    public string Status => Stage.ToString();

    [JsonIgnore]
    public bool IsFinal => Stage == AccreditationStatus.StruckOff;

    [JsonIgnore]
    public ImmutableArray<Deadline> Deadlines => Stage == AccreditationStatus.Accredited
        ? [new Deadline("reaccreditation", ValidThrough, Rule ?? "RULES.md §8")]
        : [];
}
