using System.Collections.Immutable;
using NodaTime;

namespace SafetyCert.Domain.Eligibility;

/// <summary>
/// The accidents an application form must report: those of the last <paramref name="Years"/> years
/// (5 for level 1, 3 for level 2, 1 for level 3 [001 annex 2]), from <paramref name="From"/> through the
/// application date.
/// </summary>
public sealed record AccidentReportPeriod(int Years, LocalDate From, LocalDate Through, ImmutableArray<Accident> Accidents, string Source);
