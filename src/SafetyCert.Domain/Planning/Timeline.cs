using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Planning;

/// <summary>A planned lifecycle: every entry in time order and where each instance ends.</summary>
/// <param name="Provisional">True when any deadline touched a year whose holiday arrangement is not loaded.</param>
public sealed record Timeline(
    string Title,
    string ProfileId,
    LocalDate Until,
    bool Provisional,
    ImmutableArray<TimelineEntry> Entries,
    ImmutableArray<InstancePlan> Instances);
