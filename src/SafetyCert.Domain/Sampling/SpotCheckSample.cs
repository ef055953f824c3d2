using System.Collections.Immutable;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Domain.Sampling;

/// <summary>The certificates of one grade chosen for a year's spot check.</summary>
/// <param name="Grade">The grade.</param>
/// <param name="Population">How many certificates of that grade were issued in the year.</param>
/// <param name="Percent">The minimum share to check, from the profile.</param>
/// <param name="SampleSize">The population times the percent, rounded up: "at least" the share [004 §8].</param>
/// <param name="ChosenCertificateIds">The certificates to check, ordered by id; never a duplicate.</param>
public sealed record SpotCheckSample(Grade Grade, int Population, int Percent, int SampleSize, ImmutableArray<string> ChosenCertificateIds);
