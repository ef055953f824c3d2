using NodaTime;
using NodaTime.Text;
using SafetyCert.Domain.Certificates;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Tests.Certificates;

public class CertificateValidityTests
{
    private static LocalDate D(string text) => LocalDatePattern.Iso.Parse(text).Value;

    // RULES.md §5 convention, seed 000 §3(4), 001 art.16: valid through the day before the anniversary.
    [Theory]
    [InlineData("2024-03-15", 3, "2027-03-14")]
    [InlineData("2024-01-01", 3, "2026-12-31")]
    [InlineData("2024-12-31", 3, "2027-12-30")]
    [InlineData("2025-03-01", 3, "2028-02-29")] // the day before Mar 1 in a leap year
    [InlineData("2024-03-01", 3, "2027-02-28")]
    [InlineData("2024-02-28", 3, "2027-02-27")]
    [InlineData("2024-02-29", 3, "2027-02-28")] // no Feb 29 in 2027: the anniversary is Mar 1
    [InlineData("2024-02-29", 4, "2028-02-28")] // a leap-year anniversary: the day before Feb 29
    [InlineData("2024-02-29", 1, "2025-02-28")]
    [InlineData("2023-03-15", 2, "2025-03-14")]
    public void LastValidDay_is_the_day_before_the_anniversary(string issued, int years, string expected)
    {
        Assert.Equal(D(expected), CertificateValidity.LastValidDay(D(issued), years));
    }

    // RULES.md §6 convention: the window opens 3 calendar months before the last valid day, clamped to month end.
    [Theory]
    [InlineData("2027-03-14", 3, "2026-12-14")]
    [InlineData("2027-05-31", 3, "2027-02-28")] // no Feb 31
    [InlineData("2028-05-31", 3, "2028-02-29")] // leap year
    [InlineData("2027-07-31", 3, "2027-04-30")]
    [InlineData("2027-02-28", 3, "2026-11-28")]
    [InlineData("2027-03-31", 1, "2027-02-28")]
    [InlineData("2027-01-15", 3, "2026-10-15")] // across a year
    public void RenewalWindowOpens_counts_calendar_months_back(string lastValidDay, int months, string expected)
    {
        Assert.Equal(D(expected), CertificateValidity.RenewalWindowOpens(D(lastValidDay), months));
    }

    // RULES.md §6: expired from the day after the last valid day.
    [Theory]
    [InlineData("2027-03-14", "2027-03-15")]
    [InlineData("2027-02-28", "2027-03-01")]
    [InlineData("2028-02-28", "2028-02-29")]
    [InlineData("2027-12-31", "2028-01-01")]
    public void ExpiredFrom_is_the_next_day(string lastValidDay, string expected)
    {
        Assert.Equal(D(expected), CertificateValidity.ExpiredFrom(D(lastValidDay)));
    }

    [Fact]
    public void For_takes_the_numbers_from_the_profile()
    {
        var ningxia = ProfileCatalog.Embedded.Get("ningxia-2017");
        var longer = ningxia with
        {
            CertificateValidityYears = new Sourced<int>(5, "convention: test"),
            RenewalWindowMonths = new Sourced<int>(6, "convention: test"),
        };

        Assert.Equal(
            new CertificateTerm(D("2024-03-15"), D("2027-03-14"), D("2026-12-14"), D("2027-03-15")),
            CertificateValidity.For(D("2024-03-15"), ningxia));
        Assert.Equal(
            new CertificateTerm(D("2024-03-15"), D("2029-03-14"), D("2028-09-14"), D("2029-03-15")),
            CertificateValidity.For(D("2024-03-15"), longer));
    }

    [Theory]
    [InlineData("2024-03-14", false, false)]
    [InlineData("2024-03-15", true, false)]
    [InlineData("2026-12-13", true, false)]
    [InlineData("2026-12-14", true, true)]
    [InlineData("2027-03-14", true, true)]
    [InlineData("2027-03-15", false, false)]
    public void A_term_knows_validity_and_the_renewal_window(string on, bool valid, bool inWindow)
    {
        var term = CertificateValidity.For(D("2024-03-15"), ProfileCatalog.Embedded.Get("beijing-2015"));

        Assert.Equal(valid, term.IsValidOn(D(on)));
        Assert.Equal(inWindow, term.IsInRenewalWindow(D(on)));
    }

    [Fact]
    public void Zero_years_or_months_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateValidity.LastValidDay(D("2024-03-15"), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificateValidity.RenewalWindowOpens(D("2027-03-14"), 0));
    }
}
