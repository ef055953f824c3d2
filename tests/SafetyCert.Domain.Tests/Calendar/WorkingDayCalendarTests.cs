using NodaTime;
using SafetyCert.Domain.Calendar;

namespace SafetyCert.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    private static readonly WorkingDayCalendar China = WorkingDayCalendar.China;

    // RULES.md §4.1, seed 000 §3(2)1: Feb 14 and Feb 28 are working Saturdays, Feb 15–23 is the Spring Festival.
    [Fact]
    public void Material_review_received_Friday_2026_02_13_is_due_2026_03_05()
    {
        var due = China.AddWorkingDays(new LocalDate(2026, 2, 13), 10);

        Assert.Equal(new LocalDate(2026, 3, 5), due.Value);
        Assert.False(due.Provisional);
    }
}
