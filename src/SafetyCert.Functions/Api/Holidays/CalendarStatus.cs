using SafetyCert.Domain.Calendar;

namespace SafetyCert.Functions.Api.Holidays;

/// <summary>
/// A year of the working-day calendar: <see cref="Published"/> when the running host decides with its arrangement,
/// <see cref="Stored"/> when an administrator entered one (it is loaded at the next host start), and the rows.
/// </summary>
internal sealed record CalendarStatus(int Year, bool Published, bool Stored, IReadOnlyList<ArrangedDay> Days);
