using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Sampling;

namespace SafetyCert.Functions.Api.SpotChecks;

/// <summary>
/// A region's spot-check draw for one year as stored (RULES.md §9): the seed as decimal text (it is a full 64-bit value),
/// the date and who drew, where the percentages come from, and each grade's population, size and chosen certificates.
/// </summary>
internal sealed record SpotCheckRecord(int Year, string RegionCode, string Seed, LocalDate DrawnOn, string DrawnBy, string PercentSource, ImmutableArray<SpotCheckSample> Samples);
