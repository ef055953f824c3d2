using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Planning;

/// <summary>A lifecycle to plan offline: who, under which profile, what happens when, and how far to look.</summary>
/// <param name="Title">A human title.</param>
/// <param name="ProfileId">The jurisdiction profile every workflow uses.</param>
/// <param name="Events">The events in time order.</param>
/// <param name="Until">The last date to follow timers to.</param>
public sealed record Scenario(string Title, string ProfileId, ImmutableArray<ScenarioEvent> Events, LocalDate Until);
