using NodaTime;

namespace SafetyCert.Domain.Calendar;

/// <summary>One row of a State Council holiday arrangement.</summary>
public sealed record ArrangedDay(LocalDate Date, DayKind Kind, string Name);
