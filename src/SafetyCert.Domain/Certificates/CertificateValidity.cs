using NodaTime;
using SafetyCert.Domain.Profiles;

namespace SafetyCert.Domain.Certificates;

/// <summary>
/// The dates of a certificate's life (RULES.md §5, §6). Convention: a certificate is valid from its issue
/// date through the day before the anniversary (issued 2024-03-15, 3 years → through 2027-03-14); it is
/// expired from the next day; the renewal window opens the same day of the month a number of months
/// before the last valid day, clamped to the month's end (2027-05-31 − 3 months → 2027-02-28).
/// </summary>
public static class CertificateValidity
{
    /// <summary>
    /// The last day a certificate issued on a date is valid. A certificate issued on Feb 29 whose
    /// anniversary falls in a common year is valid through Feb 28: the anniversary is Mar 1, as every
    /// other issue date keeps its full years and none loses a day.
    /// </summary>
    public static LocalDate LastValidDay(LocalDate issuedOn, int years)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 1);
        var anniversary = issuedOn.PlusYears(years);
        // PlusYears clamps Feb 29 to Feb 28; the true anniversary is the day after.
        return anniversary.Day == issuedOn.Day ? anniversary.PlusDays(-1) : anniversary;
    }

    /// <summary>The last valid day with the profile's validity (3 years [000 §3(4)], [001 art.16]).</summary>
    public static LocalDate LastValidDay(LocalDate issuedOn, JurisdictionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return LastValidDay(issuedOn, profile.CertificateValidityYears.Value);
    }

    /// <summary>The first day of the renewal window: <paramref name="months"/> calendar months before the last valid day, clamped to month end.</summary>
    public static LocalDate RenewalWindowOpens(LocalDate lastValidDay, int months)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        return lastValidDay.PlusMonths(-months);
    }

    /// <summary>The first day of the renewal window with the profile's months (3 [001 art.17(1)]).</summary>
    public static LocalDate RenewalWindowOpens(LocalDate lastValidDay, JurisdictionProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return RenewalWindowOpens(lastValidDay, profile.RenewalWindowMonths.Value);
    }

    /// <summary>The first day a certificate is void without renewal [000 §3(4)]: the day after its last valid day.</summary>
    public static LocalDate ExpiredFrom(LocalDate lastValidDay) => lastValidDay.PlusDays(1);

    /// <summary>Every date of a certificate issued on a date under a profile.</summary>
    public static CertificateTerm For(LocalDate issuedOn, JurisdictionProfile profile)
    {
        var lastValidDay = LastValidDay(issuedOn, profile);
        return new CertificateTerm(issuedOn, lastValidDay, RenewalWindowOpens(lastValidDay, profile), ExpiredFrom(lastValidDay));
    }
}
