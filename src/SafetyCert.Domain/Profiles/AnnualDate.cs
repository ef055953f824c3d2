using NodaTime;

namespace SafetyCert.Domain.Profiles;

/// <summary>A month and day that recur every year, written <c>MM-dd</c> in profiles.</summary>
public readonly record struct AnnualDate(int Month, int Day)
{
    /// <summary>This month and day in a year.</summary>
    public LocalDate In(int year) => new(year, Month, Day);

    public override string ToString() => $"{Month:00}-{Day:00}";
}
