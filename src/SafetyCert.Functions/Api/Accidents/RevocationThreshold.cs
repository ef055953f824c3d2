using System.Collections.Immutable;
using NodaTime;
using SafetyCert.Domain.Grading;

namespace SafetyCert.Functions.Api.Accidents;

/// <summary>
/// How many deaths in one accident revoke a certificate of each grade under one jurisdiction profile (RULES.md §7.3),
/// with the regulation that sets it, cited in Chinese and in English.
/// </summary>
internal sealed record RevocationThreshold(
    string ProfileId, string ProfileName, LocalDate EffectiveFrom, LocalDate? EffectiveUntil, ImmutableArray<string> Regions, ImmutableArray<string> Industries,
    ImmutableSortedDictionary<Grade, int> Deaths, string CitationChinese, string CitationEnglish);
